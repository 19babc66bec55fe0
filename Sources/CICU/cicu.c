// cicu.c: the only file that sees ICU's headers. See include/cicu.h for why.
#include "cicu.h"

#include <pthread.h>
#include <string.h>
#include <unicode/ucnv.h>
#include <unicode/ucsdet.h>
#include <unicode/uchar.h>
#include <unicode/unorm2.h>
#include <unicode/uset.h>
#include <unicode/ustring.h>
#include <unicode/utf16.h>
#include <unicode/utypes.h>
#include <unicode/uversion.h>

// The characters the Japanese normalizer leaves as they are (a UnicodeSet pattern's ranges).
#define JAPANESE_KEPT_RANGES \
    "\\uFF01-\\uFF0F\\uFF1A-\\uFF20\\uFF3B-\\uFF40\\uFF5B-\\uFF60\\u3000\\u2025\\u2026\\u309B\\u309C\\uFFE5"
#define JAPANESE_KEPT "[" JAPANESE_KEPT_RANGES "]"

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
    u_uastrcpy(pattern, "[^" JAPANESE_KEPT_RANGES "]");
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

int32_t cicu_normalize_japanese_traced(const uint16_t *source, int32_t length, uint16_t *destination,
                                       int32_t *chunk_starts, int32_t *chunk_ends, int32_t capacity,
                                       int32_t *status) {
    const UNormalizer2 *normalizer = japanese(status);
    if (normalizer == NULL) { return 0; }
    int32_t written = 0;
    int32_t index = 0;
    while (index < length) {
        int32_t start = index;
        UChar32 c;
        U16_NEXT(source, index, length, c);
        while (index < length) {
            int32_t next = index;
            U16_NEXT(source, next, length, c);
            if (unorm2_hasBoundaryBefore(normalizer, c)) { break; }
            index = next;
        }
        UErrorCode error = U_ZERO_ERROR;
        int32_t produced = unorm2_normalize(normalizer, (const UChar *)source + start, index - start,
                                            (UChar *)destination + written, capacity - written, &error);
        if (U_FAILURE(error)) { *status = (int32_t)error; return written; }
        for (int32_t unit = written; unit < written + produced; unit++) {
            chunk_starts[unit] = start;
            chunk_ends[unit] = index;
        }
        written += produced;
    }
    return written;
}

int32_t cicu_casefold(const uint16_t *source, int32_t length, uint16_t *destination, int32_t capacity,
                      int32_t *status) {
    UErrorCode error = U_ZERO_ERROR;
    const UNormalizer2 *fold = unorm2_getNFKCCasefoldInstance(&error);
    if (U_FAILURE(error)) { *status = (int32_t)error; return 0; }
    int32_t written = unorm2_normalize(fold, (const UChar *)source, length, (UChar *)destination, capacity, &error);
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

void cicu_stable_starters(uint64_t *table, int32_t *status) {
    if (japanese(status) == NULL) { return; }
    // From ICU's property sets rather than a query per code point: NFKC_Quick_Check=Yes and
    // canonical combining class 0, or outside the filter (left as they are).
    UErrorCode error = U_ZERO_ERROR;
    USet *stable = uset_openEmpty();
    USet *starters = uset_openEmpty();
    USet *kept = uset_openEmpty();
    uset_applyIntPropertyValue(stable, UCHAR_NFKC_QUICK_CHECK, UNORM_YES, &error);
    uset_applyIntPropertyValue(starters, UCHAR_CANONICAL_COMBINING_CLASS, 0, &error);
    UChar pattern[200];
    u_uastrcpy(pattern, JAPANESE_KEPT);
    uset_applyPattern(kept, pattern, -1, 0, &error);
    if (U_SUCCESS(error)) {
        uset_retainAll(stable, starters);
        uset_addAll(stable, kept);
        int32_t count = uset_getRangeCount(stable);
        for (int32_t i = 0; i < count; i++) {
            UChar32 start, end;
            uset_getItem(stable, i, &start, &end, NULL, 0, &error);
            for (UChar32 c = start; c <= end && c <= 0xFFFF; c++) { table[c >> 6] |= (uint64_t)1 << (c & 63); }
        }
    }
    uset_close(stable);
    uset_close(starters);
    uset_close(kept);
    if (U_FAILURE(error)) { *status = (int32_t)error; }
}

int32_t cicu_is_stable_starter(int32_t codepoint, int32_t *status) {
    const UNormalizer2 *normalizer = japanese(status);
    if (normalizer == NULL) { return 0; }
    UChar32 c = (UChar32)codepoint;
    if (!unorm2_hasBoundaryBefore(normalizer, c)) { return 0; }
    UChar units[2];
    int32_t length = 0;
    U16_APPEND_UNSAFE(units, length, c);
    UErrorCode error = U_ZERO_ERROR;
    return unorm2_quickCheck(normalizer, units, length, &error) == UNORM_YES && U_SUCCESS(error);
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

int32_t cicu_decode(const char *charset, const uint8_t *source, int32_t length,
                    uint16_t *destination, int32_t capacity, int32_t *error_offset, int32_t *status) {
    UErrorCode error = U_ZERO_ERROR;
    *error_offset = -1;
    UConverter *converter = ucnv_open(charset, &error);
    if (U_FAILURE(error)) { *status = (int32_t)error; return 0; }
    error = U_ZERO_ERROR;
    ucnv_setToUCallBack(converter, UCNV_TO_U_CALLBACK_STOP, NULL, NULL, NULL, &error);
    if (U_FAILURE(error)) { ucnv_close(converter); *status = (int32_t)error; return 0; }
    const char *cursor = (const char *)source;
    const char *limit = cursor + length;
    UChar *target = (UChar *)destination;
    UChar *target_limit = target + capacity;
    error = U_ZERO_ERROR;
    ucnv_toUnicode(converter, &target, target_limit, &cursor, limit, NULL, 1, &error);
    if (U_FAILURE(error)) {
        char invalid[32];
        int8_t invalid_length = (int8_t)sizeof(invalid);
        UErrorCode ignored = U_ZERO_ERROR;
        ucnv_getInvalidChars(converter, invalid, &invalid_length, &ignored);
        if (U_FAILURE(ignored)) { invalid_length = 0; }
        *error_offset = (int32_t)(cursor - (const char *)source) - invalid_length;
    }
    *status = (int32_t)error;
    ucnv_close(converter);
    return (int32_t)(target - (UChar *)destination);
}

int32_t cicu_encode(const char *charset, const uint16_t *source, int32_t length, uint8_t *destination,
                    int32_t capacity, int32_t substitute, int32_t *error_offset, int32_t *status) {
    UErrorCode error = U_ZERO_ERROR;
    *error_offset = -1;
    UConverter *converter = ucnv_open(charset, &error);
    if (U_FAILURE(error)) { *status = (int32_t)error; return 0; }
    error = U_ZERO_ERROR;
    if (substitute) {
        ucnv_setFromUCallBack(converter, UCNV_FROM_U_CALLBACK_SUBSTITUTE, NULL, NULL, NULL, &error);
        if (U_SUCCESS(error)) { ucnv_setSubstChars(converter, "?", 1, &error); }
    } else {
        ucnv_setFromUCallBack(converter, UCNV_FROM_U_CALLBACK_STOP, NULL, NULL, NULL, &error);
    }
    if (U_FAILURE(error)) { ucnv_close(converter); *status = (int32_t)error; return 0; }
    const UChar *cursor = (const UChar *)source;
    const UChar *limit = cursor + length;
    char *target = (char *)destination;
    error = U_ZERO_ERROR;
    ucnv_fromUnicode(converter, &target, (char *)destination + capacity, &cursor, limit, NULL, 1, &error);
    if (U_FAILURE(error)) {
        UChar invalid[8];
        int8_t invalid_length = 8;
        UErrorCode ignored = U_ZERO_ERROR;
        ucnv_getInvalidUChars(converter, invalid, &invalid_length, &ignored);
        if (U_FAILURE(ignored)) { invalid_length = 0; }
        *error_offset = (int32_t)(cursor - (const UChar *)source) - invalid_length;
    }
    *status = (int32_t)error;
    ucnv_close(converter);
    return (int32_t)(target - (char *)destination);
}

int32_t cicu_charset_exists(const char *charset) {
    UErrorCode error = U_ZERO_ERROR;
    UConverter *converter = ucnv_open(charset, &error);
    if (U_FAILURE(error)) { return 0; }
    ucnv_close(converter);
    return 1;
}

int32_t cicu_charset_canonical_name(const char *charset, char *buffer, int32_t capacity) {
    UErrorCode error = U_ZERO_ERROR;
    UConverter *converter = ucnv_open(charset, &error);
    if (U_FAILURE(error)) { return 0; }
    const char *name = ucnv_getName(converter, &error);
    int32_t ok = U_SUCCESS(error) && name != NULL && (int32_t)strlen(name) < capacity;
    if (ok) { strcpy(buffer, name); }
    ucnv_close(converter);
    return ok;
}

int32_t cicu_detect_charset(const uint8_t *source, int32_t length, char *name, int32_t capacity,
                            int32_t *status) {
    UErrorCode error = U_ZERO_ERROR;
    UCharsetDetector *detector = ucsdet_open(&error);
    if (U_FAILURE(error)) { *status = (int32_t)error; return -1; }
    ucsdet_setText(detector, (const char *)source, length, &error);
    const UCharsetMatch *match = ucsdet_detect(detector, &error);
    int32_t confidence = -1;
    if (U_SUCCESS(error) && match != NULL) {
        const char *detected = ucsdet_getName(match, &error);
        confidence = ucsdet_getConfidence(match, &error);
        if (U_SUCCESS(error) && detected != NULL && (int32_t)strlen(detected) < capacity) {
            strcpy(name, detected);
        } else {
            confidence = -1;
        }
    }
    *status = U_FAILURE(error) ? (int32_t)error : 0;
    ucsdet_close(detector);
    return confidence;
}
