// The Discord slash commands as a chat client lists them: each command's and option's name and
// description, and the names of fixed choices, in English and Japanese. An English name is also the
// id Discord sends back, which the command's file reads. Every entry is a LocalizedText, so a missing
// language is a type error.
import type { LocalizedText } from "./locale.ts";

/** A command's or an option's name and description. */
export interface CommandWords {
  name: LocalizedText;
  description: LocalizedText;
}

const words = (en: string, ja: string, descriptionEn: string, descriptionJa: string): CommandWords => ({
  name: { en, ja },
  description: { en: descriptionEn, ja: descriptionJa },
});

const TIME_ZONE_OF_YOURS: LocalizedText = { en: "Your time zone, like Asia/Tokyo", ja: "タイムゾーン（例：Asia/Tokyo）" };

export const COMMAND_TEXT = {
  options: {
    topic: words("topic", "トピック", "Only cards from this topic", "このトピックのカードだけ"),
    /** The time zone option's name; whose zone it is goes in its description, per command. */
    timezone: { en: "timezone", ja: "タイムゾーン" },
  },
  study: words("study", "学習", "Review due cards, then new ones", "期限の来たカードと新しいカードを学習する"),
  quiz: {
    ...words("quiz", "クイズ", "Multiple-choice questions, graded at once", "その場で採点する選択式クイズ"),
    count: words("count", "問題数", "How many questions (1-20)", "問題の数（1〜20）"),
  },
  stats: words("stats", "統計", "What is due, your retention and your streak", "復習予定・定着率・連続学習日数"),
  topics: words("topics", "トピック一覧", "The topics you can study", "学習できるトピックの一覧"),
  leaderboard: {
    ...words("leaderboard", "ランキング", "The team's top 10 and your rank", "チームの上位10人とあなたの順位"),
    period: words("period", "期間", "This week, this month or all time", "今週・今月・全期間"),
    periods: {
      week: { en: "This week", ja: "今週" },
      month: { en: "This month", ja: "今月" },
      all: { en: "All time", ja: "全期間" },
    },
    metric: words("metric", "指標", "What to rank by", "ランキングの基準"),
    metrics: {
      xp: { en: "XP", ja: "XP" },
      streak: { en: "Streak", ja: "連続日数" },
      reviews: { en: "Reviews", ja: "復習数" },
      accuracy: { en: "Accuracy", ja: "正答率" },
    },
  },
  remind: {
    ...words("remind", "リマインダー", "A daily reminder when reviews are due", "復習があるときの毎日のリマインダー"),
    time: words("time", "時刻", "HH:MM in your time zone, or off", "HH:MM（あなたのタイムゾーン）または off"),
    timezone: TIME_ZONE_OF_YOURS,
    when: words("when", "条件", "When it comes", "届く条件"),
    whens: {
      due: { en: "When cards are due", ja: "復習カードがあるとき" },
      notStudied: { en: "Only if I have not studied today", ja: "今日まだ学習していないときだけ" },
    },
  },
  vacation: {
    ...words("vacation", "休暇", "Pause reminders and freeze your streak", "リマインダーを止め、連続日数を凍結する"),
    duration: words("duration", "期間", "Like 7d or 2w, or off to come back", "7d や 2w、戻るときは off"),
  },
  settings: {
    ...words("settings", "設定", "Show or change your settings", "設定の確認と変更"),
    language: words("language", "言語", "Language of the bot's answers", "ボットの言語"),
    languages: {
      ja: { en: "日本語", ja: "日本語" },
      en: { en: "English", ja: "English" },
      auto: { en: "Auto (Discord's language)", ja: "自動（Discordの言語）" },
    },
    timezone: TIME_ZONE_OF_YOURS,
    retention: words("retention", "定着率", "Desired retention, 0.70-0.97", "目標定着率（0.70〜0.97）"),
    newPerDay: words("new_per_day", "新規カード数", "New cards per day, 0-500", "1日の新しいカード数（0〜500）"),
    reviewsPerDay: words("reviews_per_day", "復習上限", "Reviews per day, 0-9999", "1日の復習数の上限（0〜9999）"),
    server: words("server", "サーバー", "The server your DMs with the bot count for", "DMでの学習を記録するサーバー"),
    /** The server option's first suggestion: no server, the person's own DMs. */
    personalServer: { en: "Personal (DMs only)", ja: "個人（DM専用）" },
    hidden: words("hidden", "非表示", "Hide yourself from leaderboards: on or off", "ランキングに自分を表示しない（on/off）"),
    hiddenChoices: {
      on: { en: "on", ja: "on（非表示にする）" },
      off: { en: "off", ja: "off（表示する）" },
    },
    images: words("images", "画像", "Pictures with /stats and leaderboards: on or off", "統計とランキングの画像（on/off）"),
    imagesChoices: {
      on: { en: "on", ja: "on（画像を付ける）" },
      off: { en: "off", ja: "off（文字だけ）" },
    },
    parameters: words(
      "parameters",
      "パラメータ",
      "FSRS parameters: 21 numbers copied from Anki, or reset",
      "FSRS のパラメータ：Anki からコピーした21個の数値、または reset",
    ),
    optimize: words("optimize", "最適化", "Fit your parameters from your reviews now", "復習の記録から今すぐパラメータを調整する"),
  },
  team: {
    ...words("team", "チーム設定", "The server's channel, question of the day and recap", "サーバーのチャンネル・今日の問題・週間まとめ"),
    channel: words("channel", "チャンネル", "Where the bot posts", "ボットが投稿するチャンネル"),
    qotd: words("qotd", "今日の問題", "Question of the day at HH:MM, or off", "今日の問題の時刻 HH:MM、または off"),
    timezone: { en: "The team's time zone", ja: "チームのタイムゾーン" },
    language: words("language", "言語", "Language of posts in the channel", "チャンネルへの投稿の言語"),
    languages: {
      ja: { en: "日本語", ja: "日本語" },
      en: { en: "English", ja: "English" },
    },
    recap: words("recap", "週間まとめ", "Weekly recap on Mondays", "毎週月曜の週間まとめ"),
    milestones: words("milestones", "達成通知", "Announce streak milestones", "連続記録の達成を通知する"),
  },
  deck: {
    ...words("deck", "デッキ", "The team's own decks", "チーム独自のデッキ"),
    deckId: words("deck", "デッキ", "The deck id (see /deck list)", "デッキID（/deck list で確認）"),
    import: words("import", "取り込み", "Import a CSV, TSV, Anki text or YAML file", "CSV・TSV・Ankiテキスト・YAMLを取り込む"),
    file: words("file", "ファイル", "The deck file (up to 1 MB)", "デッキのファイル（1MBまで）"),
    importName: words("name", "名前", "The deck's name", "デッキの名前"),
    list: words("list", "一覧", "The team's decks", "チームのデッキ一覧"),
    rename: words("rename", "名前変更", "Rename a deck", "デッキの名前を変える"),
    newName: words("name", "名前", "The new name", "新しい名前"),
    retire: words("retire", "廃止", "Retire a deck (history stays)", "デッキを廃止する（履歴は残る）"),
    export: words("export", "書き出し", "The deck as YAML", "デッキを YAML で書き出す"),
    reports: words("reports", "報告", "Problems learners reported, per item (admins)", "学習者からの問題の報告を項目ごとに（管理者）"),
  },
  game: {
    ...words("game", "ゲーム", "A live quiz round in this channel", "このチャンネルでみんなで解くクイズのラウンド"),
    start: words("start", "開始", "Start a round in this channel", "このチャンネルでラウンドを始める"),
    stop: words("stop", "終了", "End the round early (its starter or an admin)", "ラウンドを途中で終える（始めた人か管理者）"),
    questions: words("questions", "問題数", "How many questions (3-20, default 10)", "問題の数（3〜20、既定は10）"),
    seconds: words("seconds", "秒数", "Seconds per question (10-60, default 20)", "1問あたりの秒数（10〜60、既定は20）"),
    mode: words("mode", "出題", "Which questions to ask", "出題する問題"),
    modes: {
      mixed: { en: "Mixed: the topic's questions, shuffled", ja: "ミックス：トピックの問題をシャッフル" },
      weak: { en: "Weak: what the team gets wrong most", ja: "苦手：チームがよく間違える問題" },
      due: { en: "Due: what most members have due", ja: "復習期限：多くのメンバーが復習時期の問題" },
    },
  },
  export: words("export", "エクスポート", "Your review history and card states, as CSV", "復習履歴とカードの状態を CSV で"),
  forgetMe: words("forget-me", "データ削除", "Delete everything the bot knows about you", "ボットが持つあなたのデータをすべて削除する"),
  undo: words("undo", "取り消し", "Take back your last rating", "直前の評価を取り消す"),
  help: words("help", "ヘルプ", "How to use the study bot", "学習ボットの使い方"),
} as const;
