#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <unistd.h>
#include <sys/syscall.h>
#include "CSaferSystem.h"

#ifndef RENAME_EXCHANGE
#define RENAME_EXCHANGE (1 << 1)
#endif

int safer_exchange_paths(const char *first, const char *second) {
#ifdef SYS_renameat2
    return (int)syscall(SYS_renameat2, AT_FDCWD, first, AT_FDCWD, second, RENAME_EXCHANGE);
#else
    errno = ENOSYS;
    return -1;
#endif
}

ssize_t safer_copy_file_range(int input, long long *input_offset, int output, size_t length) {
    loff_t offset = *input_offset;
    ssize_t copied = copy_file_range(input, &offset, output, NULL, length, 0);
    *input_offset = offset;
    return copied;
}
