/**
 * A Camel-free, asynchronous client of the Kling AI API (legacy {@code /v1} design).
 *
 * <ul>
 *   <li>{@link dev.camelkling.client.request.KlingFeature}: one descriptor per Kling product (path, result kind, request
 *       schema); {@link dev.camelkling.client.request.KlingRequest} subclasses are the typed create requests.</li>
 *   <li>{@link dev.camelkling.client.schema.RequestSchema}: the documented field rules as data, checked locally before
 *       anything is sent; {@link dev.camelkling.client.request.KlingFeature#newRequest(java.util.Map)} builds requests from
 *       loosely typed input through the same schema, and {@link dev.camelkling.client.schema.RequestSchema#acceptsBody} says
 *       which plain bodies fit which field (see {@link dev.camelkling.client.request.KlingFeature#naturalInputFields()}).</li>
 *   <li>{@link dev.camelkling.client.KlingClient}: create, get, lookup by external id, list, wait and download,
 *       plus lip sync's synchronous identify-face step, all returning
 *       {@link java.util.concurrent.CompletableFuture}s that fail with the typed
 *       {@link dev.camelkling.client.error.KlingException} family.</li>
 *   <li>{@link dev.camelkling.client.media.KlingMedia}: image and audio inputs (URL, Base64, bytes, files), with local
 *       probes of image size and audio format and length.</li>
 * </ul>
 *
 * <p>This package must not depend on Apache Camel.
 */
package dev.camelkling.client;
