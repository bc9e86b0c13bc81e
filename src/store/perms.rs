//! The loans file holds debts and other people's phone numbers: it should be readable by its owner
//! only. This says when it is not, for a warning on stderr or a banner in the dashboard.

use std::path::Path;

use crate::i18n::Lang;

/// The file's permission bits when group or others may read or write it (unix); None otherwise,
/// and always None where unix modes do not exist.
#[cfg(unix)]
pub fn exposed_mode(path: &Path) -> Option<u32> {
    use std::os::unix::fs::PermissionsExt;
    let mode = std::fs::metadata(path).ok()?.permissions().mode() & 0o7777;
    (mode & 0o077 != 0).then_some(mode)
}

#[cfg(not(unix))]
pub fn exposed_mode(_path: &Path) -> Option<u32> {
    None
}

/// A one-line warning with the fix, when the file is readable by other users.
pub fn warning(path: &Path, lang: Lang) -> Option<String> {
    let mode = exposed_mode(path)?;
    let shown = path.display().to_string();
    Some(
        crate::i18n::phrases::file_exposed(&shown, mode)
            .get(lang)
            .to_string(),
    )
}

#[cfg(all(test, unix))]
mod tests {
    use super::*;
    use std::os::unix::fs::PermissionsExt;

    #[test]
    fn flags_group_or_world_access_only() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("loans.toml");
        std::fs::write(&p, "").unwrap();
        std::fs::set_permissions(&p, std::fs::Permissions::from_mode(0o600)).unwrap();
        assert_eq!(exposed_mode(&p), None);
        assert!(warning(&p, Lang::En).is_none());
        std::fs::set_permissions(&p, std::fs::Permissions::from_mode(0o644)).unwrap();
        assert_eq!(exposed_mode(&p), Some(0o644));
        let w = warning(&p, Lang::En).unwrap();
        assert!(w.contains("mode 644") && w.ends_with(&format!("chmod 600 {}", p.display())));
        std::fs::set_permissions(&p, std::fs::Permissions::from_mode(0o620)).unwrap();
        assert_eq!(exposed_mode(&p), Some(0o620));
    }
}
