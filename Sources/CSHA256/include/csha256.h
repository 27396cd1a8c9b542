// SHA-256 compression with the x86 SHA extensions (SHA-NI), for ArticleAnalysis's SHA256.
// The Swift type stays the one entry point; it calls these when the CPU has the instructions.
#ifndef ARTICLED_CSHA256_H
#define ARTICLED_CSHA256_H

#include <stddef.h>
#include <stdint.h>

// The 64 round constants of FIPS 180-4 (the Swift code uses them too: one copy).
extern const uint32_t articled_sha256_k[64];

// 1 when this CPU has SHA-NI, SSSE3 and SSE4.1 (checked once with CPUID), else 0.
int articled_sha256_ni_available(void);

// Runs the SHA-256 compression function over `blocks` 64-byte blocks at `data`, updating
// `state` (H0..H7). Only call it when articled_sha256_ni_available() is 1.
void articled_sha256_ni_blocks(uint32_t state[8], const uint8_t *data, size_t blocks);

#endif
