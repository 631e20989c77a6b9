// Tests for SaferMarkdown are added with the module.
