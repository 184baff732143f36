import { slackId } from "./slack-ids.ts";

/** A view (App Home or modal) as the fake returns it from views.* methods. */
export interface StoredView {
  id: string;
  type: string;
  /** The view payload the app sent (blocks, title, callback_id, private_metadata, ...). */
  definition: Record<string, unknown>;
  /** App Home: the user it was published for. */
  userId?: string;
  externalId?: string;
  /** Changes on every update; views.update with a stale `hash` fails with `hash_conflict`. */
  hash: string;
  /** Every definition the view has had, oldest first. */
  history: Array<Record<string, unknown>>;
}

/** App Home tabs (one per user) and open modals. */
export class ViewStore {
  readonly #views = new Map<string, StoredView>();
  readonly #homeByUser = new Map<string, string>();
  #revision = 0;

  #nextHash(): string {
    this.#revision += 1;
    return `${Math.floor(Date.now() / 1000)}.${String(this.#revision).padStart(8, "0")}`;
  }

  publishHome(userId: string, definition: Record<string, unknown>): StoredView {
    const existingId = this.#homeByUser.get(userId);
    const existing = existingId === undefined ? undefined : this.#views.get(existingId);
    if (existing !== undefined) {
      this.#apply(existing, definition);
      return existing;
    }
    const view = this.#create(definition, { userId });
    this.#homeByUser.set(userId, view.id);
    return view;
  }

  open(definition: Record<string, unknown>): StoredView {
    return this.#create(definition, {});
  }

  /** Looks a view up by `view_id` or `external_id`. */
  find(ref: { viewId?: string; externalId?: string }): StoredView | undefined {
    if (ref.viewId !== undefined) return this.#views.get(ref.viewId);
    if (ref.externalId === undefined) return undefined;
    return [...this.#views.values()].find((v) => v.externalId === ref.externalId);
  }

  update(view: StoredView, definition: Record<string, unknown>): void {
    this.#apply(view, definition);
  }

  home(userId: string): StoredView | undefined {
    const id = this.#homeByUser.get(userId);
    return id === undefined ? undefined : this.#views.get(id);
  }

  all(): StoredView[] {
    return [...this.#views.values()];
  }

  #create(definition: Record<string, unknown>, extra: { userId?: string }): StoredView {
    const externalId = typeof definition.external_id === "string" ? definition.external_id : undefined;
    const view: StoredView = {
      id: slackId("V"),
      type: typeof definition.type === "string" ? definition.type : "modal",
      definition,
      ...extra,
      ...(externalId !== undefined && { externalId }),
      hash: this.#nextHash(),
      history: [definition],
    };
    this.#views.set(view.id, view);
    return view;
  }

  #apply(view: StoredView, definition: Record<string, unknown>): void {
    view.definition = definition;
    view.hash = this.#nextHash();
    view.history.push(definition);
  }
}
