a € b
