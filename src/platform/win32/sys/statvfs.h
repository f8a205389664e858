/* sys/statvfs.h — the part of statvfs the tree uses (store/db.c asks
 * whether the database's file system is read-only), for the Windows build
 * (tools/windows/build-exe.sh puts src/platform/win32 on the include path).
 * Implemented in src/platform/win32_posix.c with GetVolumeInformationW. */
#ifndef JZ_WIN32_SYS_STATVFS_H
#define JZ_WIN32_SYS_STATVFS_H

#define ST_RDONLY 1u

struct statvfs {
	unsigned long f_flag; /* ST_RDONLY when the volume is read-only */
};

int jz_w32_statvfs(const char *path, struct statvfs *v);
#define statvfs(p, v) jz_w32_statvfs(p, v)

#endif
