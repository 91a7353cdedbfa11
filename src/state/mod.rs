//! The page's state and flows, as plain structs of signals with methods and no view: the one
//! owner of the access token (`credential`), the form, what the first screen holds (`shell`,
//! `in_flight`), the session (submit and its outcome) and the flow a click starts (`flows`), the
//! runner setup, the Runners tab (`runners`; `fleet` for its selection, versions, edits and bulk
//! removal), the watch, the Runner groups, Troubleshoot and Security tabs, the open tab (`tabs`), and what
//! every flow uses: "the newest answer wins" (`latest`), a first step run at once (`start`), what
//! a read shows and with which token it was loaded (`load`), and one write at a time, paced
//! page-wide (`write`).
//! Components read these and call their methods.

pub mod credential;
pub mod fleet;
pub mod flows;
pub mod form;
pub mod groups;
pub mod in_flight;
pub mod latest;
pub mod load;
pub mod runners;
pub mod security;
pub mod session;
pub mod setup;
pub mod shell;
pub mod start;
pub mod tabs;
pub mod troubleshoot;
pub mod watch;
pub mod write;

pub use credential::{Credential, PinnedToken};
pub use fleet::{FleetState, RunReport, Show};
pub use form::FormState;
pub use groups::{Editing, GroupEditor, GroupList, GroupViewer, GroupsState};
pub use in_flight::InFlight;
pub use latest::{after_paint, Latest, Turn};
pub use load::{Load, Loaded};
pub use runners::{listed_subject, ListSource, RunnersState, ROWS_STEP};
pub use security::SecurityState;
pub use session::{use_session, Outcome, Session};
pub use setup::SetupForm;
pub use shell::Shell;
pub use start::start_now;
pub use tabs::{Tab, Tabs};
pub use troubleshoot::TroubleshootState;
pub use watch::WatchState;
pub use write::{Pacer, Write, Writes};
