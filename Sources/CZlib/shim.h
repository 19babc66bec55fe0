// zlib's C API, for partial-counts files written and read gzip-compressed (PartialGzip).
// zlib1g-dev installs zlib.h on the default include path.
#include <zlib.h>
