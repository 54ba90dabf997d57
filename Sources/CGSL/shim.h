#ifndef RETENTION_CGSL_SHIM_H
#define RETENTION_CGSL_SHIM_H

#include <gsl/gsl_rng.h>
#include <gsl/gsl_randist.h>
#include <gsl/gsl_cdf.h>
#include <gsl/gsl_version.h>

// Swift 6 rejects direct use of mutable C globals such as gsl_rng_mt19937, so these inline
// accessors hand the generator types to Swift as plain function results.
static inline const gsl_rng_type *cgsl_rng_mt19937(void) { return gsl_rng_mt19937; }
static inline const gsl_rng_type *cgsl_rng_ranlxs0(void) { return gsl_rng_ranlxs0; }
static inline const gsl_rng_type *cgsl_rng_ranlxd1(void) { return gsl_rng_ranlxd1; }
static inline const gsl_rng_type *cgsl_rng_taus2(void) { return gsl_rng_taus2; }
static inline const gsl_rng_type *cgsl_rng_ranlux(void) { return gsl_rng_ranlux; }
static inline const gsl_rng_type *cgsl_rng_gfsr4(void) { return gsl_rng_gfsr4; }
static inline const gsl_rng_type *cgsl_rng_mrg(void) { return gsl_rng_mrg; }
static inline const gsl_rng_type *cgsl_rng_cmrg(void) { return gsl_rng_cmrg; }
static inline const gsl_rng_type *cgsl_rng_ranlxs2(void) { return gsl_rng_ranlxs2; }
static inline const gsl_rng_type *cgsl_rng_knuthran2002(void) { return gsl_rng_knuthran2002; }

// The version of the GSL library linked at run time, such as "2.7.1", for run records.
static inline const char *cgsl_version(void) { return gsl_version; }

#endif
