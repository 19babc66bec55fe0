// The two LAPACK routines kotoba calls, as Debian's reference LAPACK (liblapack-dev, built with
// gfortran) exports them: Fortran calling convention, every argument by pointer, and one hidden
// length argument per CHARACTER argument, at the end (gfortran's ABI). Reference LAPACK and BLAS
// are single-threaded, so the same input gives the same bytes.
#ifndef KOTOBA_CLAPACK_SHIM_H
#define KOTOBA_CLAPACK_SHIM_H

#include <stddef.h>

/// Singular value decomposition by divide and conquer (correspondence analysis).
void dgesdd_(const char *jobz, const int *m, const int *n, double *a, const int *lda, double *s,
             double *u, const int *ldu, double *vt, const int *ldvt, double *work, const int *lwork,
             int *iwork, int *info, size_t jobz_length);

/// Eigenvalues and eigenvectors of a symmetric matrix by relatively robust representations
/// (classical multidimensional scaling, as R's eigen(symmetric = TRUE)).
void dsyevr_(const char *jobz, const char *range, const char *uplo, const int *n, double *a,
             const int *lda, const double *vl, const double *vu, const int *il, const int *iu,
             const double *abstol, int *m, double *w, double *z, const int *ldz, int *isuppz,
             double *work, const int *lwork, int *iwork, const int *liwork, int *info,
             size_t jobz_length, size_t range_length, size_t uplo_length);

#endif
