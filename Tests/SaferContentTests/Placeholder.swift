// Tests for SaferContent are added with the module.
