// The header's one function is static inline; this file only gives the target a source.
#include "memory_hints.h"
