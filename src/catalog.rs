//! The lenses shipped with Plumbline, embedded from `lenses/`.
