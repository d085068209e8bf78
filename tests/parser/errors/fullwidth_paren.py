print（1）
