//! The shipped lenses a workspace offers: every one is listed from its metadata at once, and
//! each one's content is asked for on first need, so that a workspace opens (and lists its
//! workloads) before any lens file has arrived. The wasm engine asks the texts the page gave
//! (`Lens.useBuiltins`); a lens not given yet is a [`CatalogError::NotLoaded`] naming it, which
//! the page answers by giving that file and calling again.

use std::cell::RefCell;
use std::rc::Rc;

use crate::catalog::{self, CatalogError, CatalogLens, LensSummary};

/// Where a shipped lens's content comes from when a workspace first needs it.
pub type LensSource = Box<dyn Fn(&str) -> Result<CatalogLens, CatalogError>>;

pub(crate) struct ShippedLenses {
    /// Every shipped lens's list line, framework first.
    summaries: Vec<LensSummary>,
    /// The lenses had so far; the same `Rc` for every review that uses one.
    loaded: RefCell<Vec<Rc<CatalogLens>>>,
    source: LensSource,
}

impl ShippedLenses {
    /// A set whose every lens is at hand (the native crate's files, or a test's lenses).
    pub fn all(lenses: Vec<CatalogLens>) -> Self {
        ShippedLenses {
            summaries: lenses.iter().map(CatalogLens::summary).collect(),
            loaded: RefCell::new(lenses.into_iter().map(Rc::new).collect()),
            source: Box::new(|alias| {
                unreachable!("shipped lens `{alias}` is listed but was not given")
            }),
        }
    }

    /// The lenses shipped with Plumbline, each got from `source` on first need.
    pub fn on_demand(source: LensSource) -> Self {
        ShippedLenses {
            summaries: catalog::shipped_summaries(),
            loaded: RefCell::new(Vec::new()),
            source,
        }
    }

    pub fn summaries(&self) -> Vec<LensSummary> {
        self.summaries.clone()
    }

    pub fn aliases(&self) -> impl Iterator<Item = &str> {
        self.summaries.iter().map(|s| s.lens_alias.as_str())
    }

    pub fn is_shipped(&self, alias: &str) -> bool {
        self.aliases().any(|a| a == alias)
    }

    /// The shipped lens `alias` with its content (`None`: not a shipped lens).
    pub fn get(&self, alias: &str) -> Option<Result<Rc<CatalogLens>, CatalogError>> {
        if !self.is_shipped(alias) {
            return None;
        }
        if let Some(lens) = self.loaded.borrow().iter().find(|l| l.alias == alias) {
            return Some(Ok(lens.clone()));
        }
        Some((self.source)(alias).map(|lens| {
            let lens = Rc::new(lens);
            self.loaded.borrow_mut().push(lens.clone());
            lens
        }))
    }
}
