"""The document kinds, light enough for the window to list them at start-up."""

KINDS = {
    "memo": "บันทึกข้อความรายงานผลการดำเนินการตามมาตรการ",
    "measures": "มาตรการส่งเสริมคุณธรรมและความโปร่งใส",
    "plan": "การนำผลการประเมิน ITA ไปสู่การพัฒนาองค์กร",
    "scores": "สรุปผลคะแนนการประเมิน ITA",
}
