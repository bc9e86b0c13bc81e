//! The rules of ARCHITECTURE.md, checked on the source by module path. Every `crate::…`,
//! `super::…`, `self::…` and child-module path a file names (in `use`, in code, in macro
//! arguments) is resolved to the module it lands in; the tables of ARCHITECTURE.md (parsed from
//! the file, so the two cannot drift) say which modules each one may name. Test code
//! (`#[cfg(test)]`) is not part of the layers and is left out.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use syn::visit::Visit;

type ModPath = Vec<String>;

fn show(m: &[String]) -> String {
    if m.is_empty() {
        "crate".into()
    } else {
        m.join("::")
    }
}

/// A path as written, with the module it was written in.
struct Named {
    file: String,
    from: ModPath,
    segs: Vec<String>,
}

/// Every file of `src/`, the modules they declare inline, and every path they name.
struct Crate {
    /// File module -> its file, relative to the crate root.
    files: BTreeMap<ModPath, String>,
    modules: BTreeSet<ModPath>,
    named: Vec<Named>,
    /// Module -> the names its `use`s bring in -> the path each stands for.
    aliases: BTreeMap<ModPath, BTreeMap<String, Vec<String>>>,
}

fn is_test(attrs: &[syn::Attribute]) -> bool {
    attrs.iter().any(|a| {
        a.path().is_ident("cfg") && {
            let t = a.meta.require_list().map(|l| l.tokens.to_string());
            t.is_ok_and(|t| {
                t.split(|c: char| !c.is_alphanumeric() && c != '_')
                    .any(|w| w == "test")
            })
        }
    })
}

fn item_attrs(i: &syn::Item) -> &[syn::Attribute] {
    use syn::Item::*;
    match i {
        Const(x) => &x.attrs,
        Enum(x) => &x.attrs,
        ExternCrate(x) => &x.attrs,
        Fn(x) => &x.attrs,
        ForeignMod(x) => &x.attrs,
        Impl(x) => &x.attrs,
        Macro(x) => &x.attrs,
        Mod(x) => &x.attrs,
        Static(x) => &x.attrs,
        Struct(x) => &x.attrs,
        Trait(x) => &x.attrs,
        TraitAlias(x) => &x.attrs,
        Type(x) => &x.attrs,
        Union(x) => &x.attrs,
        Use(x) => &x.attrs,
        _ => &[],
    }
}

/// The paths a `use` names, each with the name it brings in (None for a glob).
fn use_paths(prefix: Vec<String>, t: &syn::UseTree, out: &mut Vec<(Option<String>, Vec<String>)>) {
    let with = |ident: &syn::Ident| {
        let mut v = prefix.clone();
        if ident != "self" {
            v.push(ident.to_string());
        }
        v
    };
    match t {
        syn::UseTree::Path(p) => use_paths(with(&p.ident), &p.tree, out),
        syn::UseTree::Name(n) => {
            let v = with(&n.ident);
            out.push((v.last().cloned(), v));
        }
        syn::UseTree::Rename(r) => out.push((Some(r.rename.to_string()), with(&r.ident))),
        syn::UseTree::Glob(_) => out.push((None, prefix)),
        syn::UseTree::Group(g) => g
            .items
            .iter()
            .for_each(|t| use_paths(prefix.clone(), t, out)),
    }
}

struct Visitor<'a> {
    file: String,
    stack: ModPath,
    krate: &'a mut Crate,
}

impl Visitor<'_> {
    fn name(&mut self, segs: Vec<String>) {
        if !segs.is_empty() {
            self.krate.named.push(Named {
                file: self.file.clone(),
                from: self.stack.clone(),
                segs,
            });
        }
    }
}

impl<'ast> Visit<'ast> for Visitor<'_> {
    fn visit_item(&mut self, i: &'ast syn::Item) {
        if !is_test(item_attrs(i)) {
            syn::visit::visit_item(self, i);
        }
    }

    fn visit_item_mod(&mut self, m: &'ast syn::ItemMod) {
        if let Some((_, items)) = &m.content {
            self.stack.push(m.ident.to_string());
            self.krate.modules.insert(self.stack.clone());
            items.iter().for_each(|i| self.visit_item(i));
            self.stack.pop();
        }
    }

    fn visit_item_use(&mut self, u: &'ast syn::ItemUse) {
        let mut out = vec![];
        use_paths(vec![], &u.tree, &mut out);
        for (alias, p) in out {
            if let Some(a) = alias {
                let scope = self.krate.aliases.entry(self.stack.clone()).or_default();
                scope.insert(a, p.clone());
            }
            self.name(p);
        }
    }

    /// `pub(super)` and `pub(crate)` name who may see an item, not a module it uses.
    fn visit_visibility(&mut self, _: &'ast syn::Visibility) {}

    fn visit_path(&mut self, p: &'ast syn::Path) {
        self.name(p.segments.iter().map(|s| s.ident.to_string()).collect());
        syn::visit::visit_path(self, p);
    }

    /// Macro arguments are tokens, not syntax: read `a :: b :: c` runs out of them.
    fn visit_macro(&mut self, m: &'ast syn::Macro) {
        // Printed tokens are spaced (`crate :: a`): close the gaps around `::` first.
        let text = m
            .tokens
            .to_string()
            .replace(" ::", "::")
            .replace(":: ", "::");
        let words: Vec<&str> = text
            .split(|c: char| !(c.is_alphanumeric() || c == '_' || c == ':'))
            .filter(|w| !w.is_empty())
            .collect();
        for w in words {
            let segs: Vec<String> = w.split("::").map(str::to_string).collect();
            if segs.len() > 1 && segs.iter().all(|s| !s.is_empty()) {
                self.name(segs);
            }
        }
        syn::visit::visit_macro(self, m);
    }
}

fn module_of(rel: &Path) -> ModPath {
    let mut segs: ModPath = rel
        .iter()
        .skip(1)
        .map(|s| s.to_string_lossy().into_owned())
        .collect();
    let last = segs.pop().unwrap_or_default();
    let stem = last.trim_end_matches(".rs");
    if stem != "mod" && stem != "lib" {
        segs.push(stem.to_string());
    }
    segs
}

fn read_crate() -> Crate {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut krate = Crate {
        files: BTreeMap::new(),
        modules: BTreeSet::new(),
        named: vec![],
        aliases: BTreeMap::new(),
    };
    let mut stack: Vec<PathBuf> = vec![root.join("src")];
    let mut parsed = vec![];
    while let Some(d) = stack.pop() {
        for e in std::fs::read_dir(&d).unwrap() {
            let p = e.unwrap().path();
            if p.is_dir() {
                stack.push(p);
            } else if p.extension().is_some_and(|x| x == "rs") {
                let rel = p.strip_prefix(root).unwrap().to_path_buf();
                let text = std::fs::read_to_string(&p).unwrap();
                let ast = syn::parse_file(&text).unwrap_or_else(|e| panic!("{}: {e}", p.display()));
                parsed.push((rel, ast));
            }
        }
    }
    for (rel, ast) in &parsed {
        let file = rel.display().to_string();
        // The binary is a crate of its own: it names the library as `repaydash::`.
        let module = if file == "src/main.rs" {
            vec!["main".to_string()]
        } else {
            module_of(rel)
        };
        krate.files.insert(module.clone(), file.clone());
        krate.modules.insert(module.clone());
        let mut v = Visitor {
            file,
            stack: module,
            krate: &mut krate,
        };
        v.visit_file(ast);
    }
    assert!(krate.files.len() > 50, "src/ was not read");
    krate
}

impl Crate {
    /// The path as the module it lands in (`crate::tui::views::Theme` -> `tui::views`), or
    /// None when it names nothing of this crate (std, another crate, a local name).
    fn resolve(&self, n: &Named) -> Option<ModPath> {
        let mut abs = self.absolute(n)?;
        while !abs.is_empty() && !self.modules.contains(&abs) {
            abs.pop();
        }
        (!abs.is_empty()).then_some(abs)
    }

    /// The whole path from the crate's root (`crate::`, `super::`, a `use`d name or a child
    /// module made absolute), or None when it names nothing of this crate.
    fn absolute(&self, n: &Named) -> Option<ModPath> {
        self.absolute_depth(&n.from, &n.segs, 0)
    }

    fn absolute_depth(&self, from: &ModPath, segs: &[String], depth: u8) -> Option<ModPath> {
        let in_bin = from.first().is_some_and(|m| m == "main");
        Some(match segs[0].as_str() {
            "crate" if in_bin => return None,
            "crate" | "repaydash" => segs[1..].to_vec(),
            "self" => [&from[..], &segs[1..]].concat(),
            "super" => {
                let ups = segs.iter().take_while(|s| *s == "super").count();
                let base = &from[..from.len().checked_sub(ups)?];
                [base, &segs[ups..]].concat()
            }
            first => {
                let child = [&from[..], &[first.to_string()]].concat();
                if self.modules.contains(&child) {
                    [&from[..], segs].concat()
                } else if segs.len() > 1 && depth < 4 {
                    // A name a `use` brought in (`use crate::store; store::load(…)`), in this
                    // module or the file around it.
                    let mut scope = from.clone();
                    loop {
                        if let Some(p) = self.aliases.get(&scope).and_then(|a| a.get(first)) {
                            let whole = [&p[..], &segs[1..]].concat();
                            return self.absolute_depth(&scope, &whole, depth + 1);
                        }
                        if self.files.contains_key(&scope) || scope.pop().is_none() {
                            return None;
                        }
                    }
                } else {
                    return None;
                }
            }
        })
    }

    /// The file module that holds a module (an inline `mod` belongs to its file).
    fn file_module(&self, m: &[String]) -> ModPath {
        let mut m = m.to_vec();
        while !self.files.contains_key(&m) {
            m.pop();
        }
        m
    }

    /// Every arrow between two files: (from, to) -> the paths that make it.
    fn arrows(&self) -> BTreeMap<(ModPath, ModPath), BTreeSet<String>> {
        let mut out: BTreeMap<_, BTreeSet<String>> = BTreeMap::new();
        for n in &self.named {
            let Some(to) = self.resolve(n) else { continue };
            let (from, to) = (self.file_module(&n.from), self.file_module(&to));
            if from != to {
                out.entry((from, to)).or_default().insert(n.segs.join("::"));
            }
        }
        out
    }
}

fn within(m: &[String], scope: &[String]) -> bool {
    m.starts_with(scope)
}

/// One row of a "may use" table of ARCHITECTURE.md.
#[derive(Debug)]
struct Rule {
    modules: Vec<ModPath>,
    /// None: everything.
    may_use: Option<Vec<ModPath>>,
    never: String,
}

fn ticked(cell: &str) -> Vec<String> {
    cell.split('`')
        .skip(1)
        .step_by(2)
        .map(str::to_string)
        .collect()
}

fn rules() -> Vec<Rule> {
    let doc =
        std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("ARCHITECTURE.md"))
            .unwrap();
    let mut out = vec![];
    let mut cols: Option<(usize, usize)> = None;
    for line in doc.lines() {
        let line = line.trim();
        if !line.starts_with('|') {
            cols = None;
            continue;
        }
        let cells: Vec<&str> = line.trim_matches('|').split('|').map(str::trim).collect();
        if let (Some(u), Some(n)) = (
            cells.iter().position(|c| *c == "may use"),
            cells.iter().position(|c| *c == "never"),
        ) {
            cols = Some((u, n));
            continue;
        }
        let Some((u, n)) = cols else { continue };
        if cells[0].starts_with("---") {
            continue;
        }
        let modules: Vec<ModPath> = ticked(cells[0])
            .iter()
            .filter(|t| t.starts_with("src/"))
            .map(|t| {
                let rel = PathBuf::from(t.trim_end_matches('/'));
                if t.ends_with('/') {
                    rel.iter()
                        .skip(1)
                        .map(|s| s.to_string_lossy().into())
                        .collect()
                } else if t == "src/main.rs" {
                    vec!["main".to_string()]
                } else {
                    module_of(&rel)
                }
            })
            .collect();
        assert!(
            !modules.is_empty(),
            "ARCHITECTURE.md: a row names no module: {line}"
        );
        let may_use = (!cells[u].starts_with("everything")).then(|| {
            ticked(cells[u])
                .iter()
                .map(|t| t.split("::").map(str::to_string).collect())
                .collect()
        });
        out.push(Rule {
            modules,
            may_use,
            never: cells[n].to_string(),
        });
    }
    assert!(out.len() > 15, "ARCHITECTURE.md's tables were not found");
    out
}

/// A rule holds for the modules of its row; it is about the modules beside them (inside the
/// same folder), so `tui::views` may use `tui::app` is a rule among the dashboard's parts.
fn scope(m: &[String]) -> &[String] {
    &m[..m.len() - 1]
}

#[test]
fn every_module_has_a_row_and_the_rows_run_one_way() {
    let k = read_crate();
    let rules = rules();
    for (m, file) in &k.files {
        if m.is_empty() {
            continue;
        }
        assert!(
            rules
                .iter()
                .any(|r| r.modules.iter().any(|rm| rm.len() == 1 && within(m, rm))),
            "{file}: its top module has no row in ARCHITECTURE.md"
        );
        if within(m, &["tui".to_string()]) && m.len() > 1 {
            assert!(
                rules
                    .iter()
                    .any(|r| r.modules.iter().any(|rm| rm.len() == 2 && within(m, rm))),
                "{file}: no row of the dashboard's table in ARCHITECTURE.md"
            );
        }
    }
    // The rows themselves draw no circle: what they allow has a bottom and a top.
    let mut allowed: BTreeMap<ModPath, BTreeSet<ModPath>> = BTreeMap::new();
    for r in &rules {
        for m in &r.modules {
            let to = allowed.entry(m.clone()).or_default();
            for u in r.may_use.iter().flatten() {
                assert!(
                    k.modules.contains(u),
                    "ARCHITECTURE.md: {} may use `{}`, which is no module",
                    show(m),
                    show(u)
                );
                to.insert(u.clone());
            }
        }
    }
    let edges: BTreeSet<(ModPath, ModPath)> = allowed
        .iter()
        .flat_map(|(m, to)| to.iter().map(move |t| (m.clone(), t.clone())))
        .collect();
    if let Some(c) = circle(&edges) {
        panic!(
            "ARCHITECTURE.md allows a circle: {}",
            c.iter().map(|m| show(m)).collect::<Vec<_>>().join(" -> ")
        );
    }
}

#[test]
fn each_module_names_only_what_its_row_allows() {
    let k = read_crate();
    let rules = rules();
    let mut wrong = vec![];
    for ((from, to), paths) in k.arrows() {
        for r in &rules {
            let Some(may_use) = &r.may_use else { continue };
            for rm in &r.modules {
                if !within(&from, rm) || within(&to, rm) || !within(&to, scope(rm)) {
                    continue;
                }
                // Everything at this level is named by its top: `tui::views::list` is in
                // `tui::views`.
                if !may_use.iter().any(|u| within(&to, u)) {
                    wrong.push(format!(
                        "{} names {} ({}), which its row ({}) does not allow",
                        k.files[&from],
                        show(&to),
                        paths.iter().cloned().collect::<Vec<_>>().join(", "),
                        show(rm),
                    ));
                }
            }
        }
    }
    assert!(wrong.is_empty(), "\n{}", wrong.join("\n"));
}

/// A circle in a graph, if any (depth-first, the path from where it closes).
fn circle(edges: &BTreeSet<(ModPath, ModPath)>) -> Option<Vec<ModPath>> {
    let mut next: BTreeMap<&ModPath, Vec<&ModPath>> = BTreeMap::new();
    for (a, b) in edges {
        next.entry(a).or_default().push(b);
    }
    // 0 unseen, 1 on the path, 2 done.
    let mut state: BTreeMap<&ModPath, u8> = BTreeMap::new();
    fn go<'a>(
        n: &'a ModPath,
        next: &BTreeMap<&'a ModPath, Vec<&'a ModPath>>,
        state: &mut BTreeMap<&'a ModPath, u8>,
        path: &mut Vec<&'a ModPath>,
    ) -> Option<Vec<ModPath>> {
        state.insert(n, 1);
        path.push(n);
        for &m in next.get(n).into_iter().flatten() {
            match state.get(m).copied().unwrap_or(0) {
                1 => {
                    let at = path.iter().position(|p| *p == m).unwrap_or(0);
                    let mut c: Vec<ModPath> = path[at..].iter().map(|p| (*p).clone()).collect();
                    c.push(m.clone());
                    return Some(c);
                }
                0 => {
                    if let Some(c) = go(m, next, state, path) {
                        return Some(c);
                    }
                }
                _ => {}
            }
        }
        path.pop();
        state.insert(n, 2);
        None
    }
    let starts: Vec<&ModPath> = next.keys().copied().collect();
    for s in starts {
        if state.get(s).copied().unwrap_or(0) == 0
            && let Some(c) = go(s, &next, &mut state, &mut vec![])
        {
            return Some(c);
        }
    }
    None
}

#[test]
fn no_file_imports_in_a_circle() {
    let k = read_crate();
    let arrows = k.arrows();
    let edges: BTreeSet<(ModPath, ModPath)> = arrows.keys().cloned().collect();
    if let Some(c) = circle(&edges) {
        let why: Vec<String> = c
            .windows(2)
            .map(|w| {
                let paths = &arrows[&(w[0].clone(), w[1].clone())];
                format!(
                    "{} -> {} ({})",
                    k.files[&w[0]],
                    k.files[&w[1]],
                    paths.iter().cloned().collect::<Vec<_>>().join(", ")
                )
            })
            .collect();
        panic!("a circle of imports:\n{}", why.join("\n"));
    }
}

#[test]
fn no_folder_imports_in_a_circle() {
    // Folded to the top level (`present`, `store`, …) and to the dashboard's parts
    // (`tui::views`, `tui::update`, …): an arrow back up between two of them closes a circle.
    let k = read_crate();
    for depth in [1, 2] {
        let edges: BTreeSet<(ModPath, ModPath)> = k
            .arrows()
            .into_keys()
            .map(|(a, b)| {
                (
                    a[..a.len().min(depth)].to_vec(),
                    b[..b.len().min(depth)].to_vec(),
                )
            })
            .filter(|(a, b)| a != b && !a.is_empty() && !b.is_empty())
            .filter(|(a, b)| depth == 1 || (a[0] == "tui" && b[0] == "tui"))
            .collect();
        if let Some(c) = circle(&edges) {
            panic!(
                "folders in a circle: {}",
                c.iter().map(|m| show(m)).collect::<Vec<_>>().join(" -> ")
            );
        }
    }
}

#[test]
fn a_child_never_names_its_folder() {
    // Inside the dashboard a folder's `mod.rs` draws on its files and never the reverse: a view
    // takes the theme from `tui::theme`, not from `views/mod.rs`.
    let k = read_crate();
    let mut wrong = vec![];
    for ((from, to), paths) in k.arrows() {
        if from[0] == "tui" && from.len() > to.len() && from.starts_with(&to) && to.len() > 1 {
            wrong.push(format!("{} names its folder: {paths:?}", k.files[&from]));
        }
    }
    assert!(wrong.is_empty(), "\n{}", wrong.join("\n"));
}

/// Paths that read or write files or streams (`std::io::Error` alone is only a value).
const FILES: [&str; 12] = [
    "std::fs",
    "std::process",
    "std::net",
    "std::io::stdin",
    "std::io::stdout",
    "std::io::stderr",
    "std::io::Read",
    "std::io::Write",
    "std::io::BufRead",
    "println",
    "print",
    "eprintln",
];

/// What a row's "never" column forbids, as the module paths that would do it.
fn forbidden_paths(never: &str) -> Vec<(&'static str, ModPath)> {
    let p = |s: &str| s.split("::").map(str::to_string).collect::<ModPath>();
    let mut out = vec![];
    if never.contains("I/O") || never.contains("files") {
        out.extend(FILES.iter().map(|s| ("I/O", p(s))));
    }
    if never.contains("I/O") {
        out.push(("I/O", p("std::env")));
    }
    let terminal = ["ratatui", "crossterm"];
    if never.contains("I/O") || never.contains("terminal") {
        out.extend(terminal.iter().map(|s| ("the terminal", p(s))));
    }
    out
}

#[test]
fn no_input_or_output_where_the_table_says_never() {
    let k = read_crate();
    let mut wrong = vec![];
    for r in rules() {
        // `I/O outside effects/run`: the dashboard's own exception, checked below.
        if r.never.contains("outside") {
            continue;
        }
        let forbidden = forbidden_paths(&r.never);
        for n in &k.named {
            if !r.modules.iter().any(|m| within(&n.from, m)) {
                continue;
            }
            for (what, f) in &forbidden {
                if n.segs.starts_with(f) {
                    wrong.push(format!("{} does {what}: {}", n.file, n.segs.join("::")));
                }
            }
        }
    }
    assert!(wrong.is_empty(), "\n{}", wrong.join("\n"));
}

#[test]
fn the_dashboard_touches_files_only_in_effects_and_run() {
    let k = read_crate();
    let io: Vec<ModPath> = FILES
        .iter()
        .map(|s| s.split("::").map(str::to_string).collect())
        .collect();
    let store_io: Vec<ModPath> = [
        "store::load",
        "store::write::apply",
        "store::write::apply_at",
        "store::undo::undo",
        "store::perms",
    ]
    .iter()
    .map(|s| s.split("::").map(str::to_string).collect())
    .collect();
    let mut wrong = vec![];
    for n in &k.named {
        let from = &n.from;
        if from.first().is_none_or(|m| m != "tui")
            || ["effects", "run", "mod"]
                .iter()
                .any(|f| from.len() == 1 || from[1] == *f)
        {
            continue;
        }
        if io.iter().any(|f| n.segs.starts_with(f)) {
            wrong.push(format!("{} does I/O: {}", n.file, n.segs.join("::")));
        }
        let Some(abs) = k.absolute(n) else { continue };
        if store_io.iter().any(|f| abs.starts_with(f)) {
            wrong.push(format!(
                "{} touches the file: {}",
                n.file,
                n.segs.join("::")
            ));
        }
    }
    assert!(wrong.is_empty(), "\n{}", wrong.join("\n"));
}
