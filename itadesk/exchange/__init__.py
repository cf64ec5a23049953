"""Spreadsheets in and out (Qt-free): a year as one workbook, status forms per unit,
scores from any sheet. Every workbook read is checked cell by cell first; nothing is
written to the database while anything is wrong, and what is written is one undo step."""
