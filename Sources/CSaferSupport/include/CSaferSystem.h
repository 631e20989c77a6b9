#ifndef CSAFERSYSTEM_H
#define CSAFERSYSTEM_H
/// Atomically exchanges two paths (Linux renameat2 with RENAME_EXCHANGE).
/// Returns 0 on success, or -1 with errno set (EINVAL/ENOSYS where unsupported).
int safer_exchange_paths(const char *first, const char *second);
#include <sys/types.h>
/// Copies up to `length` bytes from `input` at `*input_offset` (moved on by what was copied) to
/// `output` at its current offset, in the kernel (Linux copy_file_range). Returns the bytes
/// copied, 0 at the end of the input, or -1 with errno set (EXDEV, ENOSYS, EINVAL where unsupported).
ssize_t safer_copy_file_range(int input, long long *input_offset, int output, size_t length);
#endif
