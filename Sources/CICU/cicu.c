// cicu.c: the only file that sees ICU's headers. See include/cicu.h for why.
#include "cicu.h"

#include <pthread.h>
#include <unicode/uchar.h>
#include <unicode/unorm2.h>
#include <unicode/uset.h>
#include <unicode/ustring.h>
#include <unicode/utypes.h>
#include <unicode/uversion.h>

static pthread_once_t japanese_once = PTHREAD_ONCE_INIT;
static UNormalizer2 *japanese_normalizer = NULL;
static UErrorCode japanese_status = U_ZERO_ERROR;

// Created once; ICU documents a frozen set and a filtered normalizer as immutable, so the
// normalizer is shared by every thread and never closed (it lives as long as the process).
static void make_japanese_normalizer(void) {
    UErrorCode status = U_ZERO_ERROR;
    const UNormalizer2 *nfkc = unorm2_getNFKCInstance(&status);
    if (U_FAILURE(status)) { japanese_status = status; return; }
    UChar pattern[200];
    u_uastrcpy(pattern,
        "[^\\uFF01-\\uFF0F\\uFF1A-\\uFF20\\uFF3B-\\uFF40\\uFF5B-\\uFF60"
        "\\u3000\\u2025\\u2026\\u309B\\u309C\\uFFE5]");
    USet *keep = uset_openPattern(pattern, -1, &status);
    if (U_FAILURE(status)) { japanese_status = status; return; }
    uset_freeze(keep);
    japanese_normalizer = unorm2_openFiltered(nfkc, keep, &status);
    if (U_FAILURE(status)) { japanese_status = status; japanese_normalizer = NULL; }
}

static const UNormalizer2 *japanese(int32_t *status) {
    pthread_once(&japanese_once, make_japanese_normalizer);
    if (japanese_normalizer == NULL) { *status = (int32_t)japanese_status; }
    return japanese_normalizer;
}

int32_t cicu_normalize_japanese(const uint16_t *source, int32_t length,
                                uint16_t *destination, int32_t capacity, int32_t *status) {
    const UNormalizer2 *normalizer = japanese(status);
    if (normalizer == NULL) { return 0; }
    UErrorCode error = (UErrorCode)*status;
    int32_t written = unorm2_normalize(normalizer, (const UChar *)source, length,
                                       (UChar *)destination, capacity, &error);
    *status = (int32_t)error;
    return written;
}

int32_t cicu_normalized_prefix_length(const uint16_t *source, int32_t length, int32_t *status) {
    const UNormalizer2 *normalizer = japanese(status);
    if (normalizer == NULL) { return 0; }
    UErrorCode error = (UErrorCode)*status;
    int32_t span = unorm2_spanQuickCheckYes(normalizer, (const UChar *)source, length, &error);
    *status = (int32_t)error;
    return span;
}

int32_t cicu_display_width(int32_t codepoint) {
    int32_t width = u_getIntPropertyValue((UChar32)codepoint, UCHAR_EAST_ASIAN_WIDTH);
    return (width == U_EA_WIDE || width == U_EA_FULLWIDTH) ? 2 : 1;
}

const char *cicu_error_name(int32_t status) {
    return u_errorName((UErrorCode)status);
}

void cicu_version(char *buffer) {
    UVersionInfo version;
    u_getVersion(version);
    u_versionToString(version, buffer);
}
