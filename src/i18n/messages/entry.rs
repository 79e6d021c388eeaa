//! The entry screen and the live board: the paper being typed, the papers entered.

macro_rules! entry_messages {
    ([$next:ident $(, $rest:ident)*] $($rows:tt)*) => {
        $next! { [$($rest),*] $($rows)*
            // Entry: the paper being typed (components/paper_form.rs, contest_marks.rs, draft.rs).
            PaperNumber => ["第 {n} 張", "第 {n} 张", "Paper {n}"],
            KeySurfaceLabel => ["第 {n} 張選票：按候選人的鍵標記", "第 {n} 张选票：按候选人的键标记", "Paper {n}: press a candidate's key to mark it"],
            KeyLegend => ["按候選人的鍵：○ 同意 → × 反對 → ? 無法辨認 → 空白。Enter 錄入本張；+ 另選他人；/ 整張作廢；Esc 清除。", "按候选人的键：○ 同意 → × 反对 → ? 无法辨认 → 空白。Enter 录入本张；+ 另选他人；/ 整张作废；Esc 清除。", "Press a candidate's key: ○ for → × against → ? unreadable → blank. Enter commits the paper; + a written name; / rejects the whole paper; Esc clears."],
            PendingCode => ["已按 {code}，請按下一個字元", "已按 {code}，请按下一个字符", "Typed {code}: press the next character"],
            UnknownKey => ["沒有候選人的鍵是「{code}」", "没有候选人的键是“{code}”", "No candidate has the key \"{code}\""],
            SeatsCount => ["{n} 席", "{n} 席", "seats: {n}"],
            HintBlank => ["空白票：本項有效，不計任何人", "空白票：本项有效，不计任何人", "blank: valid here, no vote for anyone"],
            HintCounts => ["已選 {n} 人，應選 {seats} 席：有效", "已选 {n} 人，应选 {seats} 席：有效", "{n} marked, {seats} seats: counts"],
            HintOverMarked => ["已選 {n} 人，應選 {seats} 席：本項無效（多選）", "已选 {n} 人，应选 {seats} 席：本项无效（多选）", "{n} marked, {seats} seats: invalid for this office"],
            MarkFor => ["同意 ○", "同意 ○", "for ○"],
            MarkAgainst => ["反對 ×", "反对 ×", "against ×"],
            MarkUnreadable => ["無法辨認", "无法辨认", "unreadable"],
            MarkBlank => ["空白", "空白", "blank"],
            WriteInLabel => ["另選他人（寫上的姓名，按 Enter 加入）", "另选他人（写上的姓名，按 Enter 加入）", "Written name (Enter adds it)"],
            WriteInWithMark => ["姓名旁有 ○", "姓名旁有 ○", "with a ○ beside it"],
            WriteInMarked => ["有 ○", "有 ○", "with ○"],
            WriteInUnmarked => ["沒有 ○", "没有 ○", "no ○"],
            WriteInRemove => ["刪去", "删去", "Remove"],
            RejectPaper => ["整張作廢…", "整张作废…", "Reject the whole paper…"],
            RejectReasonLabel => ["作廢原因（按 Enter 錄入作廢票，Esc 取消）", "作废原因（按 Enter 录入作废票，Esc 取消）", "Why the paper is rejected (Enter enters it as rejected, Esc cancels)"],
            RejectReasonExample => ["例如：有識別記號、非正式選票", "例如：有识别记号、非正式选票", "e.g. identifying mark, not an official paper"],
            CommitPaper => ["錄入第 {n} 張（Enter）", "录入第 {n} 张（Enter）", "Enter paper {n} (Enter)"],
            ClearPaper => ["清除本張（Esc）", "清除本张（Esc）", "Clear this paper (Esc)"],
            // Entry: the papers entered (components/paper_list.rs).
            PaperListTitle => ["已錄入的選票（共 {n} 張）", "已录入的选票（共 {n} 张）", "Papers entered ({n})"],
            PaperListEmpty => ["尚未錄入選票。", "尚未录入选票。", "No paper entered yet."],
            PaperBlankSummary => ["空白票", "空白票", "blank paper"],
            PaperRejectedSummary => ["整張作廢：{reason}", "整张作废：{reason}", "rejected: {reason}"],
            PaperVoidedNote => ["已撤銷：{reason}", "已撤销：{reason}", "voided: {reason}"],
            VoidPaper => ["撤銷…", "撤销…", "Void…"],
            VoidReasonLabel => ["撤銷第 {n} 張的原因", "撤销第 {n} 张的原因", "Why paper {n} is voided"],
            VoidReasonExample => ["例如：錄入錯誤，將重新錄入", "例如：录入错误，将重新录入", "e.g. typed wrongly, to be entered again"],
            VoidConfirm => ["撤銷第 {n} 張", "撤销第 {n} 张", "Void paper {n}"],
            VoidCancel => ["取消", "取消", "Cancel"],
            PagerLabel => ["選票分頁", "选票分页", "Pages of papers"],
            PagerNewer => ["較新", "较新", "Newer"],
            PagerOlder => ["較舊", "较旧", "Older"],
            PagerPosition => ["第 {page} 頁，共 {pages} 頁", "第 {page} 页，共 {pages} 页", "Page {page} of {pages}"],
            // Entry page.
            EntryCounter => ["已錄入 {entered} 張，{limit_name} {limit} 張", "已录入 {entered} 张，{limit_name} {limit} 张", "{entered} entered of {limit} {limit_name}"],
            EntryAtLimit => ["發出的選票已全部錄入。再錄入一張，收回多於{limit_name}，整個選舉無效（R2）。", "发出的选票已全部录入。再录入一张，收回多于{limit_name}，整个选举无效（R2）。", "Every paper is in. One more makes more papers than {limit_name}, and the whole election void (R2)."],
            EntryOverIssued => ["警告：已錄入 {entered} 張，多於{limit_name} {limit} 張：整個選舉無效，須重新投票（R2）。如有錄重，請撤銷多出的選票。", "警告：已录入 {entered} 张，多于{limit_name} {limit} 张：整个选举无效，须重新投票（R2）。如有录重，请撤销多出的选票。", "Warning: {entered} papers entered, more than the {limit} {limit_name}: the whole election is void and must be held again (R2). If a paper was entered twice, void it."],
            UndoLast => ["撤銷最後一張（第 {n} 張）…", "撤销最后一张（第 {n} 张）…", "Undo the last paper (void paper {n})…"],
            EntryPausedLocked => ["結果已鎖定，暫停錄入。要再錄入，請先在「結果」頁解鎖。", "结果已锁定，暂停录入。要再录入，请先在“结果”页解锁。", "The results are locked, so entry is paused. Unlock them on the Results page to enter more papers."],
            NeedElection => ["尚未設定選舉。請先到「設定」頁建立會議或開啟示範會議。", "尚未设定选举。请先到“设定”页建立会议或打开示范会议。", "No election is set up yet. Go to Setup to create the meeting or open the sample meeting."],
            LimitIssued => ["發出選票", "发出选票", "ballots issued"],
            LimitPresent => ["實到人數", "实到人数", "delegates present"],
            // Live board (pages/board.rs, components/board_column.rs).
            NavBoard => ["大螢幕", "大屏幕", "Board"],
            BoardPapersCounted => ["已唱票 {n} 張", "已唱票 {n} 张", "{n} papers counted"],
            BoardContestSummary => ["有效 {valid} · 無效 {invalid} · 空白 {blank}", "有效 {valid} · 无效 {invalid} · 空白 {blank}", "valid {valid} · invalid {invalid} · blank {blank}"],
            BoardNoWriteIns => ["暫無另選他人", "暂无另选他人", "no written names yet"],
            FullScreen => ["全螢幕", "全屏", "Full screen"],
            // Entry: a blank paper is entered only when asked twice (components/draft.rs).
            BlankPaperAsk => ["第 {n} 張是空白票？確定的話，再按一次 Enter（或再按「錄入」）。", "第 {n} 张是空白票？确定的话，再按一次 Enter（或再按“录入”）。", "Paper {n} is blank? Press Enter again (or the commit button) to enter it as a blank paper."],
            WriteInPlaceholder => ["+ 另選他人：寫上的姓名", "+ 另选他人：写上的姓名", "+ written name"],
        }
    };
}
