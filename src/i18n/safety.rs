//! Messages about the file's safety around other programs and crashes (the lock path, an editor
//! saving while repaydash writes, a write that did not finish).

use super::Text;

pub fn lock_is_link(lock: &str) -> Text {
    Text::new(
        format!(
            "{lock} 是一个符号链接；repaydash 不会通过链接加锁，什么都没有写入（删掉这个链接再试）"
        ),
        format!(
            "{lock} is a symbolic link; repaydash does not lock through a link, so nothing was written (remove the link and try again)"
        ),
    )
}

pub fn last_write_unfinished(path: &str, backup: &str) -> Text {
    Text::new(
        format!(
            "没有可以撤销的写入：上一次写入 {path} 没有完成（文件和 {backup} 完全一样），文件还是写入之前的样子"
        ),
        format!(
            "nothing to undo: the last write to {path} did not finish (the file is the same as {backup}), so the file is as it was before that write"
        ),
    )
}

pub fn other_version_kept(kept: &str) -> Text {
    Text::new(
        format!(
            "写入时另一个程序两次保存了这个文件；什么都没有写入。它中间保存的那一版留在 {kept}，请对照后再试"
        ),
        format!(
            "another program saved the file twice while repaydash was writing it; nothing was written. The version it saved in between is kept as {kept}: compare, then try again"
        ),
    )
}
