//! `roles`: who may activate the benefits, view the IDs and open requests; `roles --can`: one
//! such question answered.

use serde::Serialize;

use crate::data::entitlements::{Action, Entitlements, Role};
use crate::engine::{Msg, Value};
use crate::i18n::Words;

/// An action in output.
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct ActionOut {
    /// Action id.
    pub id: String,
    /// What it is.
    pub name: String,
    /// What to do when one's role may not.
    pub remedy: String,
}

/// A role in output.
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct RoleOut {
    /// Role id.
    pub id: String,
    /// Display name.
    pub name: String,
    /// Ids of the actions it may take.
    pub can: Vec<String>,
}

/// The role table: which role may take which action.
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct RolesReport {
    /// The actions, in data order.
    pub actions: Vec<ActionOut>,
    /// The roles, each with the ids of the actions it may take.
    pub roles: Vec<RoleOut>,
}

impl RolesReport {
    /// The role table of an entitlement table.
    pub fn new(ent: &Entitlements, words: &Words) -> Self {
        RolesReport {
            actions: ent
                .actions
                .iter()
                .map(|a| ActionOut {
                    id: a.id.clone(),
                    name: words.data(&a.name).into_owned(),
                    remedy: words.data(&a.remedy).into_owned(),
                })
                .collect(),
            roles: ent
                .roles
                .iter()
                .map(|r| RoleOut {
                    id: r.id.clone(),
                    name: words.data(&r.name).into_owned(),
                    can: r.can.clone(),
                })
                .collect(),
        }
    }
}

/// The answer to `roles --can ACTION --role ROLE`.
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct RoleAnswer {
    /// Role id.
    pub role: String,
    /// Action id.
    pub action: String,
    /// Whether the role may take the action.
    pub allowed: bool,
    /// The sentence: who may, and the remedy when not.
    pub detail: String,
    /// The roles that may take the action.
    pub allowed_roles: Vec<String>,
}

impl RoleAnswer {
    /// Whether a role may take an action, with who may and the remedy.
    pub fn new(ent: &Entitlements, role: &Role, action: &Action, words: &Words) -> Self {
        let allowed = role.can(&action.id);
        let who = ent.roles_that_can(&action.id);
        let args = vec![
            ("role", Value::Data(&role.name)),
            ("action", Value::Data(&action.name)),
            (
                "who",
                Value::AnyOf(who.iter().map(|r| Value::Data(&r.name)).collect()),
            ),
            ("remedy", Value::Data(&action.remedy)),
        ];
        let detail = if allowed {
            Msg::new("role-answer-yes", args)
        } else {
            Msg::new("role-answer-no", args)
        };
        RoleAnswer {
            role: role.id.clone(),
            action: action.id.clone(),
            allowed,
            detail: words.msg(&detail),
            allowed_roles: who.iter().map(|r| r.id.clone()).collect(),
        }
    }
}
