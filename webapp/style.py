"""The app's stylesheet (a module, so it installs with the package)."""

# Up to 640 px wide (a phone): a compact header, the tabs on as many lines as they need,
# tables as cards, and the chat in one column with the citations right under the answers.
PHONE = """
@media (max-width: 640px) {
  .gradio-container { padding-left: 6px !important; padding-right: 6px !important; }
  .top { flex-wrap: wrap !important; gap: 2px !important; }
  .top > * { flex: 1 1 100% !important; min-width: 0 !important; }
  .app-title { font-size: 1.15rem; }
  .app-sub { font-size: 0.8rem; }
  .top .form { background: none !important; border: none !important; box-shadow: none !important; }
  #lang { padding: 0 !important; flex-grow: 1 !important; border: none !important; }
  #lang [data-testid="block-info"] { display: none; }
  #lang .wrap { flex-wrap: nowrap !important; gap: 6px !important; }
  #lang label { padding: 2px 10px !important; }
  #tabs [role="tab"] { padding: 4px 6px !important; font-size: 0.9rem; }
  #chat-row { flex-direction: column !important; gap: 8px !important; }
  #chat-main, #chat-side { display: contents !important; }
  #chat-tools { order: 0; flex-wrap: nowrap !important; gap: 6px !important; }  /* "new conversation" in reach */
  #chat-tools > * { min-width: 0 !important; }
  #chatbot { order: 1; }
  #rated-note { order: 2; }
  #comment-box { order: 3; }
  #citations { order: 4; }
  #panel-h { order: 5; }
  #section-panel { order: 6; }
  #ask-row { order: 7; }
  #examples { order: 8; }
  #fb-note { order: 10; }
  #citations .cites { max-height: none; }
  #section-panel .sec-body { max-height: 320px; }
  .desktop-only { display: none !important; }
}
"""

CSS = """
.app-head { padding: 4px 0 2px; }
.app-title { font-size: 1.45rem; font-weight: 700; color: var(--body-text-color); }
.app-sub { color: var(--body-text-color-subdued); font-size: 0.92rem; }
.top { align-items: center; }
mark { background: #fde68a; color: inherit; padding: 0 2px; border-radius: 2px; }
.sid { display: inline-block; font-weight: 700; font-family: var(--font-mono); color: #1d4ed8;
       background: #eff6ff; border: 1px solid #bfdbfe; border-radius: 4px; padding: 0 6px; margin-right: 4px; }
.cites { display: flex; flex-direction: column; gap: 8px; margin-top: 4px; }
#citations .cites { max-height: 340px; overflow-y: auto; padding-right: 4px; }
.cites-h, .kids-h { font-weight: 700; }
.cites.empty, .section-panel.empty { color: var(--body-text-color-subdued); font-style: italic; padding: 8px 2px; }
.cite { border: 1px solid var(--border-color-primary); border-left: 4px solid #2563eb; border-radius: 6px;
        padding: 8px 10px; background: var(--background-fill-secondary); }
#citations .cite { cursor: pointer; }
#citations .cite:hover, #citations .cite:focus { border-left-color: #f59e0b; outline: none;
        box-shadow: 0 0 0 2px #fde68a; }
.cite-head { margin-bottom: 4px; }
.ctitle { font-weight: 600; }
#section-panel .sec-body { max-height: 420px; overflow-y: auto; position: relative; padding-right: 6px; }
.quote p, .sec-body p { margin: 0 0 6px; line-height: 1.5; }
.section-panel .crumbs { font-size: 0.88rem; color: var(--body-text-color-subdued); margin-bottom: 6px; }
.section-panel .sec-h { font-size: 1.05rem; font-weight: 700; margin-bottom: 8px; }
.roles { display: grid; grid-template-columns: max-content 1fr; gap: 2px 10px; margin: 0 0 10px;
         padding: 8px 10px; border-radius: 6px; background: #f0fdf4; border: 1px solid #bbf7d0; }
.roles dt { font-weight: 600; }
.dark .roles { background: #052e16; border-color: #166534; }
.dark mark { background: #854d0e; }
.dark .sid { background: #172554; border-color: #1e3a8a; color: #bfdbfe; }
.roles dd { margin: 0; }
.kids ul { margin: 4px 0 0 18px; }
#tasks-table *, #targets-table * { font-family: var(--font) !important; }
#tasks-table .body-cell.first-column, #targets-table .body-cell.first-column { font-weight: 600; }
.quiz-q { padding: 10px 12px; border-radius: 6px; background: var(--background-fill-secondary);
          border: 1px solid var(--border-color-primary); }
.quiz-q .qn { font-size: 0.85rem; color: var(--body-text-color-subdued); }
.quiz-q .qp { font-size: 1.05rem; font-weight: 600; }
.quiz-result .verdict { font-weight: 700; margin: 6px 0; }
.quiz-result.ok .verdict { color: #15803d; }
.quiz-result.bad .verdict { color: #b91c1c; }
.quiz-done { margin-top: 8px; font-weight: 700; }
.cards { display: flex; flex-direction: column; gap: 8px; }
.card { border: 1px solid var(--border-color-primary); border-radius: 8px; padding: 8px 10px;
        background: var(--background-fill-secondary); overflow-wrap: anywhere; }
.card-h { font-weight: 600; margin-bottom: 4px; }
.card dl { display: grid; grid-template-columns: max-content 1fr; gap: 2px 8px; margin: 0; font-size: 0.92rem; }
.card dt { color: var(--body-text-color-subdued); }
.card dd { margin: 0; }
.cards.empty { color: var(--body-text-color-subdued); font-style: italic; }
.upload-status ul { list-style: none; padding: 0; margin: 6px 0; }
.upload-status code, .upload-summary code { white-space: pre-wrap; font-size: 0.85rem; }
.upload-status .err { color: #b91c1c; font-weight: 600; }
.upload-status .ok { color: #15803d; font-weight: 600; }
.upload-summary dl { display: grid; grid-template-columns: max-content 1fr; gap: 2px 10px; }
.upload-summary dt { color: var(--body-text-color-subdued); }
.upload-summary dd { margin: 0; }
@media (min-width: 641px) { .phone-only { display: none !important; } }
""" + PHONE
