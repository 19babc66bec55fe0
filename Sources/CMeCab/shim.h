// MeCab's C API, exposed to Swift as-is. libmecab-dev installs mecab.h on the default include
// path and ships no pkg-config file, so the module map links "mecab" directly.
#include <mecab.h>
