"""The Thai label of every field a clerk edits: the window shows them beside the
widgets (and as their accessible names), the store names them in undo steps and
validation messages. One place, plain Python, testable without Qt."""

from __future__ import annotations

OFFICE_FIELDS: dict[str, str] = {
    "name": "ชื่อหน่วยงาน",
    "kind": "ประเภท",
    "amphoe": "อำเภอ",
    "province": "จังหวัด",
    "phone": "โทรศัพท์",
    "address": "ที่อยู่",
    "website": "เว็บไซต์",
    "doc_prefix": "เลขที่หนังสือ (ที่)",
}

MEASURE_FIELDS: dict[str, str] = {
    "kind": "ประเภท",
    "title": "ชื่อมาตรการ/โครงการ/กิจกรรม",
    "issue": "ประเด็นการประเมินที่ตอบ",
    "steps": "ขั้นตอน (บรรทัดละขั้น)",
    "units": "ผู้รับผิดชอบ (บรรทัดละหน่วย)",
    "start": "วันเริ่มต้น",
    "end": "วันสิ้นสุด",
    "period_text": "ระยะเวลา (ข้อความ)",
    "monitoring": "การกำกับติดตาม/รายงานผล",
    "target": "เป้าหมาย/ตัวชี้วัดความสำเร็จ",
    "budget": "งบประมาณ (บาท)",
    "indicators": "ตัวชี้วัดที่เกี่ยวข้อง",
    "items": "ข้อคำถามที่เกี่ยวข้อง",
    "evidence": "หลักฐาน (ชื่อ | ลิงก์ บรรทัดละรายการ)",
}

ANALYSIS_FIELDS: dict[str, str] = {
    "topic": "ประเด็น",
    "assessment": "ประเด็นการประเมิน",
    "analysis": "ผลการวิเคราะห์",
    "development": "ประเด็นที่ควรพัฒนา",
    "points": "แนวทางการพัฒนาหรือการแก้ไข (บรรทัดละข้อ)",
}

LIMITATION_FIELDS: dict[str, str] = {
    "limitation": "ข้อจำกัดของหน่วยงาน",
    "impact": "ผลกระทบ",
    "development": "แนวทางการพัฒนา",
}

MEMO_FIELDS: dict[str, str] = {
    "agency": "ส่วนราชการ",
    "number": "ที่",
    "date": "วันที่",
    "subject": "เรื่อง",
    "salutation": "เรียน",
    "paragraphs": "ข้อความ (เว้นบรรทัดระหว่างย่อหน้า)",
    "closing": "ย่อหน้าปิด",
    "signer_name": "ชื่อผู้ลงนาม",
    "signer_position": "ตำแหน่งผู้ลงนาม",
    "table_style": "รูปแบบตาราง",
    "status_round": "รอบการรายงาน",
    "include_table": "แนบตารางสถานะการดำเนินงาน",
    "comment_block": "มีช่องความเห็นและข้อสั่งการของผู้บริหาร",
}

ISSUE_FIELDS: dict[str, str] = {"title": "ประเด็นที่ต้องพัฒนา", "detail": "รายละเอียดของประเด็น (บรรทัดละข้อ)"}

STEP_FIELDS: dict[str, str] = {
    "text": "ขั้นตอน",
    "unit": "ผู้รับผิดชอบขั้นตอน",
    "period": "ระยะเวลาของขั้นตอน",
    "monitoring": "การกำกับติดตามของขั้นตอน",
    "status_text": "ข้อความในตารางสถานะ",
}

SIGNER_FIELDS: dict[str, str] = {"name": "ชื่อ-สกุล", "position": "ตำแหน่ง", "role": "บทบาท"}
