#ifndef CSAFERSYSTEM_H
#define CSAFERSYSTEM_H
/// Atomically exchanges two paths (Linux renameat2 with RENAME_EXCHANGE).
/// Returns 0 on success, or -1 with errno set (EINVAL/ENOSYS where unsupported).
int safer_exchange_paths(const char *first, const char *second);
#endif
