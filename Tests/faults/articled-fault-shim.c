/*
 * articled-fault-shim.so: an LD_PRELOAD library that injects file-system faults into the real
 * articled binary for the fault-matrix tests (Tests/ArticledIntegrationTests/FaultMatrixTests).
 * Built by the tests with: gcc -shared -fPIC -O2 -o articled-fault-shim.so articled-fault-shim.c -ldl
 *
 * ARTICLED_FAULTS, comma-separated, applies to files in the spool's outbox/ and failed/ (by the
 * path of the descriptor, /proc/self/fd/N) and to renames into them:
 *   short-writes     write() writes at most a third of what it is asked (at least one byte)
 *   eintr            every other write(), fsync() and rename fails with EINTR
 *   eio-write=N      the first N write() calls fail with EIO
 *   eio-fsync=N      the first N fsync() calls fail with EIO
 *   eio-rename=N     the first N renames fail with EIO
 * ARTICLED_CLOCK_FILE=PATH: CLOCK_REALTIME, time() and gettimeofday() are shifted by the number
 * of seconds written in PATH (re-read every 200 ms), for clock-jump tests.
 */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/time.h>
#include <time.h>
#include <unistd.h>

static int fault_short, fault_eintr;
static long eio_write, eio_fsync, eio_rename;
static const char *clock_file;
static int configured;

static void configure(void) {
    if (__atomic_load_n(&configured, __ATOMIC_ACQUIRE)) return;
    const char *spec = getenv("ARTICLED_FAULTS");
    if (spec) {
        char copy[512];
        strncpy(copy, spec, sizeof copy - 1);
        copy[sizeof copy - 1] = 0;
        for (char *item = strtok(copy, ","); item; item = strtok(NULL, ",")) {
            if (!strcmp(item, "short-writes")) fault_short = 1;
            else if (!strcmp(item, "eintr")) fault_eintr = 1;
            else if (!strncmp(item, "eio-write=", 10)) eio_write = atol(item + 10);
            else if (!strncmp(item, "eio-fsync=", 10)) eio_fsync = atol(item + 10);
            else if (!strncmp(item, "eio-rename=", 11)) eio_rename = atol(item + 11);
        }
    }
    clock_file = getenv("ARTICLED_CLOCK_FILE");
    __atomic_store_n(&configured, 1, __ATOMIC_RELEASE);
}

static int in_spool_target(const char *path) {
    return path && (strstr(path, "/outbox/") || strstr(path, "/failed/"));
}

static int fd_is_target(int fd) {
    if (fd <= 2) return 0;
    char link[64], path[4096];
    snprintf(link, sizeof link, "/proc/self/fd/%d", fd);
    ssize_t n = readlink(link, path, sizeof path - 1);
    if (n <= 0) return 0;
    path[n] = 0;
    return in_spool_target(path);
}

/* Takes one from a budget of injected failures; true while the budget lasts. */
static int take(long *budget) {
    long left = __atomic_load_n(budget, __ATOMIC_RELAXED);
    while (left > 0) {
        if (__atomic_compare_exchange_n(budget, &left, left - 1, 0, __ATOMIC_RELAXED, __ATOMIC_RELAXED)) return 1;
    }
    return 0;
}

static int alternate(void) {
    static unsigned long calls;
    return __atomic_fetch_add(&calls, 1, __ATOMIC_RELAXED) % 2 == 0;
}

ssize_t write(int fd, const void *buffer, size_t count) {
    static ssize_t (*real)(int, const void *, size_t);
    if (!real) real = dlsym(RTLD_NEXT, "write");
    configure();
    if ((fault_short || fault_eintr || eio_write) && fd_is_target(fd)) {
        if (take(&eio_write)) { errno = EIO; return -1; }
        if (fault_eintr && alternate()) { errno = EINTR; return -1; }
        if (fault_short && count > 1) count = count / 3 > 0 ? count / 3 : 1;
    }
    return real(fd, buffer, count);
}

int fsync(int fd) {
    static int (*real)(int);
    if (!real) real = dlsym(RTLD_NEXT, "fsync");
    configure();
    if ((fault_eintr || eio_fsync) && fd_is_target(fd)) {
        if (take(&eio_fsync)) { errno = EIO; return -1; }
        if (fault_eintr && alternate()) { errno = EINTR; return -1; }
    }
    return real(fd);
}

static int rename_fault(const char *target) {
    configure();
    if ((fault_eintr || eio_rename) && in_spool_target(target)) {
        if (take(&eio_rename)) { errno = EIO; return 1; }
        if (fault_eintr && alternate()) { errno = EINTR; return 1; }
    }
    return 0;
}

int renameat2(int olddirfd, const char *oldpath, int newdirfd, const char *newpath, unsigned int flags) {
    static int (*real)(int, const char *, int, const char *, unsigned int);
    if (!real) real = dlsym(RTLD_NEXT, "renameat2");
    if (rename_fault(newpath)) return -1;
    return real(olddirfd, oldpath, newdirfd, newpath, flags);
}

int rename(const char *oldpath, const char *newpath) {
    static int (*real)(const char *, const char *);
    if (!real) real = dlsym(RTLD_NEXT, "rename");
    if (rename_fault(newpath)) return -1;
    return real(oldpath, newpath);
}

/* ---- clock offset ---- */
static long clock_offset(void) {
    static long offset;
    static struct timespec next;
    configure();
    if (!clock_file) return 0;
    static int (*real)(clockid_t, struct timespec *);
    if (!real) real = dlsym(RTLD_NEXT, "clock_gettime");
    struct timespec now;
    real(CLOCK_MONOTONIC, &now);
    if (now.tv_sec > next.tv_sec || (now.tv_sec == next.tv_sec && now.tv_nsec >= next.tv_nsec)) {
        FILE *f = fopen(clock_file, "r");
        if (f) {
            long value = 0;
            if (fscanf(f, "%ld", &value) == 1) offset = value;
            fclose(f);
        }
        next = now;
        next.tv_nsec += 200000000;
        if (next.tv_nsec >= 1000000000) { next.tv_sec += 1; next.tv_nsec -= 1000000000; }
    }
    return offset;
}

int clock_gettime(clockid_t id, struct timespec *ts) {
    static int (*real)(clockid_t, struct timespec *);
    if (!real) real = dlsym(RTLD_NEXT, "clock_gettime");
    int result = real(id, ts);
    if (result == 0 && (id == CLOCK_REALTIME || id == CLOCK_REALTIME_COARSE)) ts->tv_sec += clock_offset();
    return result;
}

time_t time(time_t *out) {
    struct timespec ts;
    clock_gettime(CLOCK_REALTIME, &ts);
    if (out) *out = ts.tv_sec;
    return ts.tv_sec;
}

int gettimeofday(struct timeval *tv, void *tz) {
    (void)tz;
    struct timespec ts;
    clock_gettime(CLOCK_REALTIME, &ts);
    tv->tv_sec = ts.tv_sec;
    tv->tv_usec = ts.tv_nsec / 1000;
    return 0;
}
