//! The Source page: the article verbatim, paragraph by paragraph, each followed by the
//! entities that cite it.

use super::{Doc, DocBuilder, Role, Style, Target};
use crate::content::Briefing;

pub fn doc(briefing: &Briefing) -> Doc {
    let mut b = DocBuilder::default();
    b.block(false).styled(briefing.source.title.clone(), Role::Title);
    b.block(false)
        .styled(format!("{} · ", briefing.publisher), Role::Muted)
        .styled(briefing.published.display(), Role::Muted);
    let width = format!("¶{} ", briefing.source.paragraphs.len()).chars().count();
    for (i, text) in briefing.source.paragraphs.iter().enumerate() {
        let n = i as u32 + 1;
        let marker = format!("{:<width$}", format!("¶{n}"));
        b.block(true).paragraph(n).marker(marker, Style::role(Role::Marker)).text(text.clone());
        let cited_by = &briefing.cited_by[i];
        if !cited_by.is_empty() {
            b.block(false).paragraph(n).indent(width as u16).styled("Cited by ", Role::Muted);
            for (j, id) in cited_by.iter().enumerate() {
                if j > 0 {
                    b.styled(" · ", Role::Muted);
                }
                b.link(briefing.entity(*id).name.clone(), Target::Entity(*id));
            }
        }
    }
    b.finish()
}
