//! Risk values in the AWS API's spelling, and counts that always carry all five keys.

use serde::{Deserialize, Serialize};

use crate::lens::model::LensRisk;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum Risk {
    Unanswered,
    High,
    Medium,
    None,
    NotApplicable,
}

impl Risk {
    pub const ALL: [Risk; 5] = [
        Risk::Unanswered,
        Risk::High,
        Risk::Medium,
        Risk::None,
        Risk::NotApplicable,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Risk::Unanswered => "UNANSWERED",
            Risk::High => "HIGH",
            Risk::Medium => "MEDIUM",
            Risk::None => "NONE",
            Risk::NotApplicable => "NOT_APPLICABLE",
        }
    }

    pub fn parse(s: &str) -> Option<Risk> {
        Risk::ALL.into_iter().find(|r| r.as_str() == s)
    }
}

impl From<LensRisk> for Risk {
    fn from(r: LensRisk) -> Risk {
        match r {
            LensRisk::High => Risk::High,
            LensRisk::Medium => Risk::Medium,
            LensRisk::NoRisk => Risk::None,
        }
    }
}

/// Number of questions at each risk. Serialises with all five keys, always.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct RiskCounts {
    #[serde(rename = "UNANSWERED", default)]
    pub unanswered: u32,
    #[serde(rename = "HIGH", default)]
    pub high: u32,
    #[serde(rename = "MEDIUM", default)]
    pub medium: u32,
    #[serde(rename = "NONE", default)]
    pub none: u32,
    #[serde(rename = "NOT_APPLICABLE", default)]
    pub not_applicable: u32,
}

impl RiskCounts {
    pub fn add(&mut self, risk: Risk) {
        *self.slot(risk) += 1;
    }

    pub fn get(&self, risk: Risk) -> u32 {
        match risk {
            Risk::Unanswered => self.unanswered,
            Risk::High => self.high,
            Risk::Medium => self.medium,
            Risk::None => self.none,
            Risk::NotApplicable => self.not_applicable,
        }
    }

    pub fn merge(&mut self, other: &RiskCounts) {
        for r in Risk::ALL {
            *self.slot(r) += other.get(r);
        }
    }

    /// Questions that have an answer (anything but UNANSWERED).
    pub fn answered(&self) -> u32 {
        self.high + self.medium + self.none + self.not_applicable
    }

    fn slot(&mut self, risk: Risk) -> &mut u32 {
        match risk {
            Risk::Unanswered => &mut self.unanswered,
            Risk::High => &mut self.high,
            Risk::Medium => &mut self.medium,
            Risk::None => &mut self.none,
            Risk::NotApplicable => &mut self.not_applicable,
        }
    }
}
