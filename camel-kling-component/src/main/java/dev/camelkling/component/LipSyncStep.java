package dev.camelkling.component;

/** The steps of Kling lip sync a kling:lipSync producer can take. */
public enum LipSyncStep {
    /** Find the faces of a video (synchronous, no task): the session and faces become the result. */
    identify,
    /** Create the lip-sync task for a session and face identified earlier. */
    create,
    /** Identify, pick a face, and create, in one exchange. */
    auto
}
