// Tests for SaferData are added with the module.
