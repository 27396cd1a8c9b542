#ifndef ARTICLED_CZLIB_SHIM_H
#define ARTICLED_CZLIB_SHIM_H
#include <zlib.h>
/* inflateInit2 is a macro; Swift cannot call macros. */
static inline int articled_inflate_init_gzip(z_stream *stream) {
    return inflateInit2(stream, 15 + 16);
}
/* For tests and tools that write gzip: deflateInit2 is a macro too. */
static inline int articled_deflate_init_gzip(z_stream *stream) {
    return deflateInit2(stream, Z_BEST_COMPRESSION, Z_DEFLATED, 15 + 16, 9, Z_DEFAULT_STRATEGY);
}
#endif
