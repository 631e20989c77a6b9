// SaferMarkdown
