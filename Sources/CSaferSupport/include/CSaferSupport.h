#ifndef CSAFERSUPPORT_H
#define CSAFERSUPPORT_H
// SaferSite's few C helpers, in one target: cmark's per-thread arena (CMarkArena.h, arena.c) and
// the Linux calls Foundation lacks (CSaferSystem.h, exchange.c).
#include "CMarkArena.h"
#include "CSaferSystem.h"
#endif
