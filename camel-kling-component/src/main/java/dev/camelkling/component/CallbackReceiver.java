package dev.camelkling.component;

import dev.camelkling.client.request.KlingFeature;

/** A callback consumer as the producers of its CamelContext see it: what it receives callbacks for, and on which path. */
interface CallbackReceiver {

    KlingFeature feature();

    /** Its Kling account (base URL and credentials) and its {@code callbackBaseUrl}. */
    KlingConfiguration configuration();

    /** The path as configured (or the default), without the rest configuration's context path. */
    String callbackPath();
}
