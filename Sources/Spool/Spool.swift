/// Placeholder: the spool library (inotify, claiming, atomic writes, recovery) lands with the daemon issue.
public enum SpoolPlaceholder {}
