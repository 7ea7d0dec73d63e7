// Generated from spec/control-api.yaml by `npm run gen:types`. Do not edit.
export interface paths {
    "/__control/health": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Check the control API
         * @description Answers without a token, so a contract suite can tell a mock target from the real sandbox.
         */
        get: operations["getHealth"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/__control/payments/{paymentId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Explain a payment
         * @description One payment of any partner with what decided it: the outcome rule that matched when it was
         *     created (`outcomeRule`, null when none did), each webhook delivery about it with the rule that
         *     shaped it, and the Partner API requests about it that the journal still holds (E106). A read
         *     at or after `expiresAt` shows it expired, as every read does.
         */
        get: operations["getPayment"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/__control/payments/{paymentId}/complete": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Complete a payment
         * @description Settles a pending payment as the pay page's "approve" does: status `paid`, `bankPaymentStatus`
         *     `AcceptedSettlementCompleted`, `paidAt` set, and `payment.completed` fires. A payment that is
         *     already final answers 409.
         */
        post: operations["completePayment"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/__control/payments/{paymentId}/fail": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Fail a payment
         * @description Fails a pending payment as the pay page's "reject" or "abandon" does: status `failed`,
         *     `bankPaymentStatus` `Rejected`, and `payment.failed` fires. A payment that is already final
         *     answers 409.
         */
        post: operations["failPayment"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/__control/payments/{paymentId}/expire": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Expire a payment
         * @description Expires a pending payment now instead of 30 minutes after creation: status `expired`,
         *     `bankPaymentStatus` `Expired`, and `payment.failed` fires. A payment that is already final
         *     answers 409.
         */
        post: operations["expirePayment"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/__control/merchants/{merchantId}/activate": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Activate a merchant
         * @description Makes a pending or inactive merchant `active` without the onboarding page; creates its default
         *     store if it has none (D15) and fires `merchant.activated`. An active merchant answers 409.
         */
        post: operations["activateMerchant"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/__control/merchants/{merchantId}/deactivate": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Deactivate a merchant
         * @description Makes an active merchant `inactive` and fires `merchant.deactivated`; new payments for it are
         *     refused with 409 until it is activated again. An inactive merchant answers 409.
         */
        post: operations["deactivateMerchant"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/__control/clock": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Read the clock
         * @description The mock's current time and how far it has been moved ahead of the time it started from.
         */
        get: operations["getClock"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/__control/clock/advance": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Move the clock forward
         * @description Moves the clock forward by a number of seconds or a duration (`90s`, `30m`, `2h`, `1d`). Whatever
         *     has become due runs at once: pending payments expire (D20) and webhook retries are sent (D29).
         */
        post: operations["advanceClock"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/__control/reset": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Reset the mock
         * @description Drops every partner, merchant, store, payment, webhook, delivery, journal entry and fault, and
         *     starts again from the default partner, or from the named scenario. The clock keeps its time:
         *     it only moves forward (D4), so no timestamp written after a reset is older than one before it.
         *     An unknown scenario name answers 400 and changes nothing.
         */
        post: operations["resetState"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/__control/state": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Export the state
         * @description Every record of every partner as one scenario document, which `importState` loads back.
         */
        get: operations["exportState"];
        /**
         * Import a state
         * @description Replaces the whole state with the scenario in one step. The scenario is checked first and
         *     nothing changes unless all of it loads; a 400 lists every problem found, not only the first.
         */
        put: operations["importState"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/__control/partners": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Add a partner
         * @description Adds a partner with one active credential, to test tenancy (D2) with a second partner.
         *     `clientId` and `clientSecret` are generated when omitted (D3). The secret is shown only here.
         */
        post: operations["createPartner"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/__control/webhook-deliveries": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List webhook deliveries
         * @description Deliveries of every partner, newest first, with every attempt; filters combine with AND.
         */
        get: operations["listDeliveries"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/__control/webhook-deliveries/flush": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Flush webhook deliveries
         * @description Sends every delivery that is due by the mock's clock and answers once none is due or in flight,
         *     so a test can assert on its receiver without sleeping. Retries scheduled for later stay
         *     pending: move the clock (`advanceClock`) and flush again.
         */
        post: operations["flushDeliveries"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/__control/webhook-deliveries/{deliveryId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get a webhook delivery
         * @description One delivery with the exact body sent and every attempt.
         */
        get: operations["getDelivery"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/__control/webhook-deliveries/{deliveryId}/redeliver": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Redeliver a webhook delivery
         * @description Queues a new delivery (new id, fresh attempts) of the same body, signed again with the
         *     webhook's secret, to the same webhook. Answers at once with the new delivery, still pending.
         */
        post: operations["redeliverDelivery"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/__control/requests": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List Partner API requests
         * @description The most recent Partner API requests the mock answered (control calls are not recorded),
         *     newest first. The journal keeps the last 1000.
         */
        get: operations["listRequests"];
        put?: never;
        post?: never;
        /**
         * Clear the request journal
         * @description Forgets every recorded request.
         */
        delete: operations["clearRequests"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/__control/requests/{requestId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get one journaled request in full
         * @description One request of the journal with the request's and the response's headers and the first 4096
         *     characters of each body. Secrets are masked as the start banner masks them (E33): the
         *     `X-Partner-Client-Secret` and `Authorization` headers, and every string under a JSON key that
         *     contains `secret` or `password`.
         */
        get: operations["getRequest"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/__control/events": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Follow every change
         * @description Every change in the mock as numbered events: `request` (a Partner API request was answered;
         *     its journal entry), `control` (a control call changed something), `domain` (a payment or
         *     merchant event, also when the clock expired a payment or a hosted page settled one),
         *     `delivery` (a webhook attempt was made) and `receiver` (the test receiver got a delivery).
         *     The last 500 events are kept.
         *
         *     With `Accept: text/event-stream` the answer is a Server-Sent Events stream that stays open:
         *     the kept events after `Last-Event-ID` first, then a `resync` event when some of those are no
         *     longer kept (reload everything), a `ready` event, and every new event as it happens; a
         *     comment line every 15 s keeps it alive. Any other `Accept` (`*\/*` included, so a plain
         *     `curl` does not hang) answers at once with the kept events after `Last-Event-ID` as JSON.
         *     At most 32 streams are open at once; a stream whose client stops reading (1 MiB unread) is
         *     closed, and every stream ends when the mock stops.
         */
        get: operations["streamEvents"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/__control/receiver": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Read the test receiver
         * @description The mock's own webhook receiver: its URL (register it as a webhook), the status it answers
         *     with, and the newest 100 deliveries it received, newest first, each with its signature
         *     checked against the secret of the webhook it was sent for.
         */
        get: operations["getReceiver"];
        /**
         * Choose the test receiver's answer
         * @description From now on the test receiver answers every delivery with this status, e.g. 500 to watch retries.
         */
        put: operations["updateReceiver"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/__control/faults": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List faults
         * @description Every active fault, in the order they are matched.
         */
        get: operations["listFaults"];
        put?: never;
        /**
         * Inject a fault
         * @description From now on, calls of the given Partner API operation (or of every operation) answer with the
         *     given status and error body, are delayed, or have their connection dropped; for the next
         *     `times` calls or with a `probability`. `retryAfter` alone answers 429 with `Retry-After`.
         *     Faults apply before authentication, like a misbehaving gateway, and the first matching one wins.
         *     The mock keeps at most 100 faults (E227).
         */
        post: operations["createFault"];
        /**
         * Remove every fault
         * @description Removes every active fault; the Partner API behaves normally again.
         */
        delete: operations["clearFaults"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/__control/faults/{faultId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /**
         * Remove a fault
         * @description Removes one fault and answers with it.
         */
        delete: operations["deleteFault"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/__control/rules": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List the rules
         * @description Every outcome and webhook behaviour rule, in the order they are matched: for a new payment the
         *     first rule with an `outcome` whose `when` matches decides it, for a delivery the first rule with
         *     a `webhook` part (E100, E105). No rule: payments stay pending and webhooks go out as they happen.
         */
        get: operations["listRules"];
        /**
         * Replace every rule
         * @description Replaces the whole list in one step (an empty list removes every rule). The list is checked
         *     first and nothing changes unless all of it is sound; a 400 names every problem.
         */
        put: operations["replaceRules"];
        /**
         * Add a rule
         * @description Adds a rule, first in the list (it then wins over the rules already there, such as `auto-pay`)
         *     or, with `position=last`, after them. It applies to payments created and deliveries made from
         *     now on. Without an `id` the rule is named `rule-<n>`. An id in use, or a 101st rule, answers 409.
         */
        post: operations["addRule"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/__control/rules/{ruleId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get a rule
         * @description One rule by its id.
         */
        get: operations["getRule"];
        /**
         * Replace a rule
         * @description Replaces the rule with this id in place (it keeps its position). The body's `id`, when given,
         *     must be the one in the path.
         */
        put: operations["replaceRule"];
        post?: never;
        /**
         * Delete a rule
         * @description Removes the rule and answers with it. Payments it already decided keep their decision and
         *     settle as it said.
         */
        delete: operations["deleteRule"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        /** @description The Partner API's error body (D5), used here too so one client handles both. */
        Error: {
            statusCode: number;
            /** @description The reason phrase of the status code. */
            error: string;
            message: string | string[];
            /** @description A machine-readable code; clients must not need it. */
            code?: string;
        };
        /**
         * Format: date-time
         * @description ISO-8601 UTC with milliseconds, e.g. `2026-03-19T10:00:00.000Z` (D4).
         */
        Timestamp: string;
        Ok: {
            /** @constant */
            ok: true;
        };
        Health: {
            /** @constant */
            ok: true;
            /** @description The mock's package version. */
            version: string;
            /** @description How many partners the mock holds. */
            partners: number;
        };
        /** @enum {string} */
        PaymentStatus: "pending" | "paid" | "failed" | "expired";
        /** @description A payment after a control call, with the ids a test needs to find it elsewhere. */
        ControlPayment: {
            paymentId: number;
            status: components["schemas"]["PaymentStatus"];
            /** @description `AcceptedSettlementCompleted`, `Rejected` or `Expired` (D23); null while pending. */
            bankPaymentStatus: string | null;
            partnerId: number;
            merchantId: number;
            updatedAt: components["schemas"]["Timestamp"];
        };
        CompletePaymentRequest: {
            /** @description The bank the customer "picked", as on the pay page. */
            bank?: string;
        };
        FailPaymentRequest: {
            /**
             * @description Rejected by the bank, or abandoned by the customer; both end as `failed`.
             * @default rejected
             * @enum {string}
             */
            reason: "rejected" | "abandoned";
        };
        /** @enum {string} */
        MerchantStatus: "pending" | "active" | "inactive";
        /** @description A merchant after a control call. */
        ControlMerchant: {
            merchantId: number;
            clientId: string;
            partnerId: number;
            status: components["schemas"]["MerchantStatus"];
            updatedAt: components["schemas"]["Timestamp"];
        };
        Clock: {
            now: components["schemas"]["Timestamp"];
            /** @description How far the clock has been moved forward, in milliseconds, since the mock started (a reset keeps it). */
            offsetMs: number;
        };
        /** @description Either `seconds` or `duration`, not both. */
        ClockAdvanceRequest: {
            /** @description Seconds to move forward. */
            seconds: number;
        } | {
            /** @description A whole number and a unit, `s`, `m`, `h` or `d`, e.g. `90s`, `30m`, `2h`, `1d`. */
            duration: string;
        };
        ResetRequest: {
            /** @description A scenario name from `fixtures/scenarios`; without it the mock starts from its default partner. */
            scenario?: string;
        };
        /**
         * @description The scenario format (fixtures/scenarios/README.md), whose full JSON Schema is
         *     `fixtures/scenarios/scenario.schema.json`: the mock's whole state as plain JSON, one array of
         *     records per table, each partner with its `credentials` (secrets included), as `exportState`
         *     writes it and `importState` and the named scenarios load. `importState` checks every record
         *     against that schema and the rules between records, and lists every problem at once; this
         *     document only sketches the top level. Omitted tables are empty.
         */
        Scenario: {
            /**
             * @description The scenario format version.
             * @constant
             */
            version: 1;
            /** @description A short name, for people. */
            name?: string;
            /** @description What the scenario holds, for people. */
            description?: string;
            partners?: components["schemas"]["ScenarioTable"];
            merchants?: components["schemas"]["ScenarioTable"];
            stores?: components["schemas"]["ScenarioTable"];
            payments?: components["schemas"]["ScenarioTable"];
            webhooks?: components["schemas"]["ScenarioTable"];
            /** @description The outcome and webhook behaviour rules, in the order they are matched (E102). */
            rules?: components["schemas"]["Rule"][];
        } & {
            [key: string]: unknown;
        };
        /** @description The records of one table, as `fixtures/scenarios/scenario.schema.json` describes them. */
        ScenarioTable: Record<string, unknown>[];
        StateImported: {
            /** @constant */
            ok: true;
            counts: {
                partners: number;
                merchants: number;
                stores: number;
                payments: number;
                webhooks: number;
            };
        };
        PartnerCreateRequest: {
            name: string;
            /** @description Defaults to `name`. */
            companyName?: string;
            /** Format: email */
            contactEmail?: string;
            /** @description The credential's client id (printable ASCII, no spaces: it travels in a header); a new UUID when omitted. Must not be in use (409). */
            clientId?: string;
            /** @description The credential's secret (printable ASCII, no spaces); 64 new hex characters when omitted. */
            clientSecret?: string;
        };
        PartnerCreated: {
            partnerId: number;
            name: string;
            clientId: string;
            /** @description Send it as `X-Partner-Client-Secret`; shown only here. */
            clientSecret: string;
        };
        /** @enum {string} */
        WebhookEventType: "payment.completed" | "payment.failed" | "merchant.activated" | "merchant.deactivated";
        /**
         * @description `pending` while attempts remain, `delivered` after a 2xx, `failed` when every attempt failed.
         * @enum {string}
         */
        DeliveryOutcome: "pending" | "delivered" | "failed";
        DeliveryAttempt: {
            attempt: number;
            startedAt: components["schemas"]["Timestamp"];
            durationMs: number;
            /** @description The receiver's status code; null when it did not answer. */
            statusCode: number | null;
            /** @description Why no answer came, e.g. a timeout or a refused connection. */
            error: string | null;
            /** @description The first bytes of the receiver's answer. */
            responseSnippet: string | null;
            rule?: components["schemas"]["AttemptRule"];
        };
        Delivery: {
            /** @description The same value as the `X-Webhook-Delivery` header. */
            id: string;
            partnerId: number;
            webhookId: number;
            url: string;
            event: components["schemas"]["WebhookEventType"];
            paymentId: number | null;
            merchantId: number | null;
            /** @description Sent by the webhook test endpoint (D26). */
            test: boolean;
            outcome: components["schemas"]["DeliveryOutcome"];
            attempts: components["schemas"]["DeliveryAttempt"][];
            /** @description When the next attempt is due by the mock's clock; null when none is. */
            nextAttemptAt: components["schemas"]["Timestamp"] | null;
            createdAt: components["schemas"]["Timestamp"];
            updatedAt: components["schemas"]["Timestamp"];
            /** @description The exact bytes sent and signed, as UTF-8 text. */
            body: string;
            rule?: components["schemas"]["DeliveryRule"];
        };
        /** @description A delivery with the headers of its latest attempt (E74). */
        DeliveryDetail: components["schemas"]["Delivery"] & {
            /**
             * @description The headers the latest attempt carried (the first one's before any attempt), signed with
             *     the webhook's current secret; every attempt carries the same but `X-Webhook-Attempt`.
             *     Null when the webhook no longer exists.
             */
            headers: {
                [key: string]: string;
            } | null;
        };
        DeliveryList: {
            deliveries: components["schemas"]["Delivery"][];
            total: number;
            page: number;
            limit: number;
        };
        FlushResult: {
            /** @description Deliveries still waiting for a retry scheduled later by the clock; 0 when everything is done. */
            pending: number;
        };
        RequestLogEntry: {
            id: number;
            method: string;
            /** @description The path with its query string. */
            path: string;
            /** @description Null when no operation matched (a 404 route). */
            operationId: string | null;
            status: number;
            durationMs: number;
            /** @description Null when the call was not authenticated. */
            partnerId: number | null;
            at: components["schemas"]["Timestamp"];
            links?: components["schemas"]["RequestLinks"];
        };
        RequestLog: {
            requests: components["schemas"]["RequestLogEntry"][];
            /** @description How many recorded requests match, before `limit`. */
            total: number;
        };
        /**
         * @description An operationId of the Partner API.
         * @enum {string}
         */
        PartnerOperationId: "getProfile" | "updateProfile" | "listCredentials" | "createCredential" | "rotateCredential" | "revokeCredential" | "createMerchant" | "listMerchants" | "fastTrackMerchant" | "createTestMerchant" | "getMerchant" | "resendOnboarding" | "createStore" | "listStores" | "getStore" | "updateStore" | "deactivateStore" | "createPayment" | "listPayments" | "getPaymentStatus" | "getPaymentQr" | "listWebhooks" | "createWebhook" | "updateWebhook" | "deleteWebhook" | "testWebhook" | "getStats";
        /** @description The parts of the D5 error body to answer with; `statusCode` and `error` always follow `status`. */
        FaultBody: {
            message?: string | string[];
            code?: string;
        };
        /**
         * @description At least one effect (`status`, `latencyMs`, `drop` or `retryAfter`). Without `times` and
         *     `probability` the fault applies to every matching call until removed.
         */
        FaultRequest: {
            /** @description The operation to affect; omit it to affect every Partner API operation. */
            operationId?: components["schemas"]["PartnerOperationId"];
            /** @description The status to answer with. */
            status?: number;
            body?: components["schemas"]["FaultBody"];
            /** @description Delay before answering (or dropping). */
            latencyMs?: number;
            /** @description Destroy the connection without an answer. */
            drop?: boolean;
            /** @description Answer 429 with this `Retry-After` (seconds); `status` may be omitted or must be 429. */
            retryAfter?: number;
            /** @description Apply to the next this many matching calls only. */
            times?: number;
            /** @description Apply to each matching call with this probability. */
            probability?: number;
        };
        /** @description An active fault as sent, with its id and how many calls it has answered. */
        Fault: {
            id: number;
            operationId?: components["schemas"]["PartnerOperationId"];
            status?: number;
            body?: components["schemas"]["FaultBody"];
            latencyMs?: number;
            drop?: boolean;
            retryAfter?: number;
            times?: number;
            probability?: number;
            hits: number;
            createdAt: components["schemas"]["Timestamp"];
        };
        FaultList: {
            faults: components["schemas"]["Fault"][];
        };
        FaultsCleared: {
            /** @constant */
            ok: true;
            removed: number;
        };
        /** @description One side of a journaled request, secrets masked (E72). */
        RequestMessage: {
            /** @description At most 32 headers, lower-case names, each value cut to 256 characters. */
            headers: {
                [key: string]: string;
            };
            /** @description The body as text, cut to 4096 characters; null when there was none. */
            body: string | null;
            /** @description True when the body was cut or not kept. */
            truncated: boolean;
        };
        RequestDetail: components["schemas"]["RequestLogEntry"] & {
            request: components["schemas"]["RequestMessage"];
            response: components["schemas"]["RequestMessage"];
        };
        LiveEvent: {
            /** @description Numbered from 1 in the order the changes happened; the SSE `id`. */
            id: number;
            /** @enum {string} */
            type: "request" | "control" | "domain" | "delivery" | "receiver";
            at: components["schemas"]["Timestamp"];
            /**
             * @description `request`: the journal entry (`RequestLogEntry`). `control`: `operationId`, `method`, `path`,
             *     `status`. `domain`: `event`, `partnerId`, `status`, `test` and `paymentId` and
             *     `merchantClientId`, or `merchantId`. `delivery`: `deliveryId`, `webhookId`, `partnerId`,
             *     `event`, `outcome`, `attempts`, `nextAttemptAt`. `receiver`: the received delivery without
             *     its headers and body.
             */
            data: Record<string, unknown>;
        };
        EventBacklog: {
            events: components["schemas"]["LiveEvent"][];
            /** @description The newest event's id; 0 before the first. */
            lastEventId: number;
            /** @description True when events after `Last-Event-ID` are no longer kept (or never were); `events` is then empty. */
            missed: boolean;
        };
        ReceivedWebhook: {
            id: number;
            receivedAt: components["schemas"]["Timestamp"];
            path: string;
            /** @description The `X-Webhook-Event` header. */
            event: string | null;
            /** @description The `X-Webhook-Delivery` header. */
            deliveryId: string | null;
            /** @description The `X-Webhook-Attempt` header. */
            attempt: number | null;
            /**
             * @description Checked with the secret of the webhook the delivery was sent for; `unchecked` when that is unknown.
             * @enum {string}
             */
            signature: "verified" | "invalid" | "unchecked";
            respondedWith: number;
            headers: {
                [key: string]: string;
            };
            /** @description The body as received, cut to 4096 characters. */
            body: string;
            truncated: boolean;
        };
        Receiver: {
            /** @description The URL to register as a webhook: `<mock>/__receiver` (any path below it works too). */
            url: string;
            respondStatus: number;
            /** @description The newest 100 deliveries, newest first. */
            received: components["schemas"]["ReceivedWebhook"][];
        };
        ReceiverUpdate: {
            /** @description The status to answer every delivery with. */
            respondStatus: number;
        };
        /** @description A payment with what decided it (E106). */
        ControlPaymentDetail: components["schemas"]["ControlPayment"] & {
            merchantClientId: string;
            amount: number;
            currency: string;
            referenceNumber: string;
            storeId: string | null;
            registerId: string | null;
            createdAt: components["schemas"]["Timestamp"];
            expiresAt: components["schemas"]["Timestamp"];
            paidAt: components["schemas"]["Timestamp"] | null;
            /** @description The outcome rule that matched when the payment was created; null when none did (or `X-Mock-Payment` chose). */
            outcomeRule: components["schemas"]["OutcomeRuleDecision"] | null;
            /** @description The webhook deliveries about the payment that the log keeps, oldest first. */
            deliveries: components["schemas"]["PaymentDelivery"][];
            /** @description The journal's Partner API requests about the payment, newest first. */
            requests: components["schemas"]["RequestLogEntry"][];
        };
        /** @description What an outcome rule decided for a payment, kept on the payment (E101). */
        OutcomeRuleDecision: {
            ruleId: components["schemas"]["RuleIdValue"];
            status: components["schemas"]["PaymentStatus"];
            /**
             * @description Why it fails (`failed` only).
             * @enum {string}
             */
            reason?: "rejected" | "abandoned";
            /** @description The bank it is paid through (`paid` only). */
            bank?: string;
            /** @description The delay drawn for this payment. */
            delayMs: number;
            decidedAt: components["schemas"]["Timestamp"];
            /** @description When the outcome is due by the mock's clock; null for `pending`. */
            dueAt: components["schemas"]["Timestamp"] | null;
            /** @description When the rule settled the payment; null while it waits, or when the payment ended otherwise first (expired, settled by QA). */
            appliedAt: components["schemas"]["Timestamp"] | null;
        };
        /** @description A delivery about a payment, with the rule that shaped it. */
        PaymentDelivery: {
            id: string;
            webhookId: number;
            event: components["schemas"]["WebhookEventType"];
            outcome: components["schemas"]["DeliveryOutcome"];
            attemptCount: number;
            rule: components["schemas"]["DeliveryRule"] | null;
        };
        /** @description The webhook behaviour rule that shaped a delivery, what it asked for and what it did (E105, E106). */
        DeliveryRule: {
            ruleId: components["schemas"]["RuleIdValue"];
            /** @enum {string} */
            duplicate?: "same-id" | "new-id" | "both";
            /** @description The delay drawn: late, or the longest hold of `outOfOrder`. */
            delayMs?: number;
            outOfOrder?: boolean;
            beforeResponse?: boolean;
            dropFirst?: number;
            /** @description On the second delivery of `new-id` or `both`: the delivery it repeats. */
            duplicateOf?: string;
            /** @description `outOfOrder`: the later delivery whose first attempt released this one; null while held or when released by time. */
            releasedBy?: string | null;
            /** @description One sentence per effect, in the order they happened. */
            notes: string[];
        };
        /** @description Set on an attempt a rule dropped (not sent) or sent again on purpose (E105). */
        AttemptRule: {
            ruleId: components["schemas"]["RuleIdValue"];
            /** @enum {string} */
            effect: "dropped" | "duplicate";
        };
        /** @description What a request is about or set off (E106). */
        RequestLinks: {
            paymentId?: number;
            ruleIds?: components["schemas"]["RuleIdValue"][];
            deliveryIds?: string[];
        };
        /** @description A rule's id, e.g. `auto-pay`, `magic-13-rejected`, `rule-3`. */
        RuleIdValue: string;
        RuleList: {
            rules: components["schemas"]["Rule"][];
        };
        /**
         * @description A rule: what it matches (`when`) and what it does, an `outcome` for new payments (E100, E101),
         *     a `webhook` behaviour for deliveries (E105), or both; at least one of the two. Rules are matched
         *     in their order and the first match wins, separately for outcomes and for webhook behaviours.
         */
        Rule: {
            /** @description Given by its author, or `rule-<n>` when left out. */
            id?: components["schemas"]["RuleIdValue"];
            /** @description What the rule is for, for people. */
            description?: string;
            when?: components["schemas"]["RuleMatch"];
            outcome?: components["schemas"]["RuleOutcome"];
            webhook?: components["schemas"]["WebhookBehaviour"];
        };
        /**
         * @description Every field given must match; left out (or `{}`), the rule matches every payment and every
         *     delivery. `events` narrows the webhook behaviour only (a rule with `events` needs a `webhook`).
         */
        RuleMatch: {
            amount?: components["schemas"]["AmountMatch"];
            /** @description The merchant's clientId. */
            merchantClientId?: string;
            storeId?: string;
            registerId?: string;
            referenceNumber?: components["schemas"]["TextPattern"];
            description?: components["schemas"]["TextPattern"];
            events?: components["schemas"]["WebhookEventType"][];
        };
        /**
         * @description An exact amount (`149.5`), a range (`{min: 10, max: 20}`, both ends included, either may be left
         *     out), or the cents part as a string (`"*.13"`: every amount whose two decimals are 13).
         */
        AmountMatch: number | string | {
            min?: number;
            max?: number;
        };
        /** @description The whole value, where `*` stands for any run of characters and `?` for one; case-sensitive. */
        TextPattern: string;
        /**
         * @description A delay by the mock's clock (E108): `500ms`, `3s`, `2m`, `1h`, `1d` (a bare number is seconds),
         *     or a range `1s..5s` drawn anew for each payment or delivery; at most 7 days.
         */
        Delay: string;
        /**
         * @description What happens to a matching new payment (E101): `paid`, `failed`, `expired`, or `pending` (left
         *     alone, also by later rules). `reason` goes with `failed`, `bank` with `paid`, `after` with all
         *     but `pending`. Without `after` the payment is settled in the create request, before its answer.
         */
        RuleOutcome: {
            status: components["schemas"]["PaymentStatus"];
            /**
             * @description Rejected by the bank (the default) or abandoned by the customer; `bankPaymentStatus` is `Rejected` either way (D23).
             * @enum {string}
             */
            reason?: "rejected" | "abandoned";
            /** @description The bank the customer "picked". */
            bank?: string;
            after?: components["schemas"]["Delay"];
        };
        /**
         * @description How the deliveries of a matching event misbehave (E105). `beforeResponse` cannot be combined
         *     with `delay` or `outOfOrder`; with `outOfOrder`, `delay` is the longest hold (default 10 minutes).
         */
        WebhookBehaviour: {
            /**
             * @description Once delivered: `same-id` sends the same request again (same delivery id, body and signature),
             *     `new-id` queues a second delivery of the same event, `both` does the one and then the other.
             * @enum {string}
             */
            duplicate?: "same-id" | "new-id" | "both";
            delay?: components["schemas"]["Delay"];
            /** @description Hold `payment.completed` until a later event of the same merchant went out to that webhook. */
            outOfOrder?: boolean;
            /** @description For a payment settled at once: deliver before the create-payment answer is written. */
            beforeResponse?: boolean;
            /** @description Record the first this many attempts without sending them. */
            dropFirst?: number;
        };
    };
    responses: {
        /** @description The body, query or path is malformed or invalid; `message` names each problem. */
        BadRequest: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Error"];
            };
        };
        /** @description The scenario does not load; `message` lists every problem found and nothing changed. */
        InvalidScenario: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Error"];
            };
        };
        /** @description A control token is configured and the `Authorization` header does not carry it (`control_unauthorized`), or the request is a mock's webhook delivery, which carries `X-Webhook-Delivery` (`control_delivery_refused`, E224). */
        Unauthorized: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Error"];
            };
        };
        /** @description No such record, in any partner. */
        NotFound: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Error"];
            };
        };
        /** @description The record is already in the requested state, or a final one. */
        Conflict: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Error"];
            };
        };
        /** @description 32 event streams are already open; `Retry-After` says when to try again. */
        TooManyStreams: {
            headers: {
                /** @description Seconds to wait before opening a stream again. */
                "Retry-After"?: number;
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Error"];
            };
        };
        /** @description The body is larger than 1 MB. */
        PayloadTooLarge: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Error"];
            };
        };
        /** @description The body is not `application/json`. */
        UnsupportedMediaType: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Error"];
            };
        };
        /** @description Any other error, in the same shape. */
        UnexpectedError: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Error"];
            };
        };
    };
    parameters: {
        /** @description Numeric payment id. */
        PaymentId: number;
        /** @description Numeric merchant id (not its clientId). */
        MerchantId: number;
        /** @description The delivery id, as in the `X-Webhook-Delivery` header. */
        DeliveryId: string;
        /** @description The journal id of a request, as `listRequests` shows it. */
        RequestId: number;
        /** @description Numeric fault id. */
        FaultId: number;
        /** @description The rule's id, e.g. `auto-pay`. */
        RuleId: components["schemas"]["RuleIdValue"];
        /** @description Page number, from 1. */
        Page: number;
        /** @description Items per page, 1 to 100. */
        Limit: number;
    };
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    getHealth: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The mock is up. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Health"];
                };
            };
            default: components["responses"]["UnexpectedError"];
        };
    };
    getPayment: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Numeric payment id. */
                paymentId: components["parameters"]["PaymentId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The payment and what decided it. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ControlPaymentDetail"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
            default: components["responses"]["UnexpectedError"];
        };
    };
    completePayment: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Numeric payment id. */
                paymentId: components["parameters"]["PaymentId"];
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": components["schemas"]["CompletePaymentRequest"];
            };
        };
        responses: {
            /** @description The paid payment. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ControlPayment"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            default: components["responses"]["UnexpectedError"];
        };
    };
    failPayment: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Numeric payment id. */
                paymentId: components["parameters"]["PaymentId"];
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": components["schemas"]["FailPaymentRequest"];
            };
        };
        responses: {
            /** @description The failed payment. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ControlPayment"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            default: components["responses"]["UnexpectedError"];
        };
    };
    expirePayment: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Numeric payment id. */
                paymentId: components["parameters"]["PaymentId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The expired payment. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ControlPayment"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            default: components["responses"]["UnexpectedError"];
        };
    };
    activateMerchant: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Numeric merchant id (not its clientId). */
                merchantId: components["parameters"]["MerchantId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The active merchant. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ControlMerchant"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            default: components["responses"]["UnexpectedError"];
        };
    };
    deactivateMerchant: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Numeric merchant id (not its clientId). */
                merchantId: components["parameters"]["MerchantId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The inactive merchant. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ControlMerchant"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            default: components["responses"]["UnexpectedError"];
        };
    };
    getClock: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The clock. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Clock"];
                };
            };
            401: components["responses"]["Unauthorized"];
            default: components["responses"]["UnexpectedError"];
        };
    };
    advanceClock: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ClockAdvanceRequest"];
            };
        };
        responses: {
            /** @description The clock after the move. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Clock"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            default: components["responses"]["UnexpectedError"];
        };
    };
    resetState: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": components["schemas"]["ResetRequest"];
            };
        };
        responses: {
            /** @description The mock was reset. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Ok"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            default: components["responses"]["UnexpectedError"];
        };
    };
    exportState: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The state as a scenario. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Scenario"];
                };
            };
            401: components["responses"]["Unauthorized"];
            default: components["responses"]["UnexpectedError"];
        };
    };
    importState: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["Scenario"];
            };
        };
        responses: {
            /** @description The scenario was loaded. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["StateImported"];
                };
            };
            400: components["responses"]["InvalidScenario"];
            401: components["responses"]["Unauthorized"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            default: components["responses"]["UnexpectedError"];
        };
    };
    createPartner: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["PartnerCreateRequest"];
            };
        };
        responses: {
            /** @description The partner with its credential. */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PartnerCreated"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            default: components["responses"]["UnexpectedError"];
        };
    };
    listDeliveries: {
        parameters: {
            query?: {
                /** @description Only deliveries of this event. */
                event?: components["schemas"]["WebhookEventType"];
                /** @description Only deliveries about this payment. */
                paymentId?: number;
                /** @description Only deliveries about this merchant. */
                merchantId?: number;
                /** @description Only deliveries to this webhook. */
                webhookId?: number;
                /** @description Only deliveries with this outcome. */
                outcome?: components["schemas"]["DeliveryOutcome"];
                /** @description Only deliveries of this partner. */
                partnerId?: number;
                /** @description Page number, from 1. */
                page?: components["parameters"]["Page"];
                /** @description Items per page, 1 to 100. */
                limit?: components["parameters"]["Limit"];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description One page of deliveries. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DeliveryList"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            default: components["responses"]["UnexpectedError"];
        };
    };
    flushDeliveries: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Nothing is due any more. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["FlushResult"];
                };
            };
            401: components["responses"]["Unauthorized"];
            default: components["responses"]["UnexpectedError"];
        };
    };
    getDelivery: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The delivery id, as in the `X-Webhook-Delivery` header. */
                deliveryId: components["parameters"]["DeliveryId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The delivery. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DeliveryDetail"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
            default: components["responses"]["UnexpectedError"];
        };
    };
    redeliverDelivery: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The delivery id, as in the `X-Webhook-Delivery` header. */
                deliveryId: components["parameters"]["DeliveryId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The new delivery, queued. */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Delivery"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
            default: components["responses"]["UnexpectedError"];
        };
    };
    listRequests: {
        parameters: {
            query?: {
                /** @description Only requests routed to this operation. */
                operationId?: string;
                /** @description Only requests about this payment (E106), such as its creation and its status reads. */
                paymentId?: number;
                /** @description At most this many requests. */
                limit?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The matching requests. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RequestLog"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            default: components["responses"]["UnexpectedError"];
        };
    };
    clearRequests: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The journal is empty. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Ok"];
                };
            };
            401: components["responses"]["Unauthorized"];
            default: components["responses"]["UnexpectedError"];
        };
    };
    getRequest: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The journal id of a request, as `listRequests` shows it. */
                requestId: components["parameters"]["RequestId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The request in full. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RequestDetail"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
            default: components["responses"]["UnexpectedError"];
        };
    };
    streamEvents: {
        parameters: {
            query?: never;
            header?: {
                /** @description Only events after this id (the id of the last event the client has seen). */
                "Last-Event-ID"?: number;
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The kept events (JSON), or the stream (`text/event-stream`). */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["EventBacklog"];
                    /**
                     * @example retry: 2000
                     *
                     *     event: ready
                     *     data: {"lastEventId":43}
                     *
                     *     id: 44
                     *     event: request
                     *     data: {"id":44,"type":"request","at":"2026-03-18T12:02:00.000Z","data":{"id":9,"method":"GET","path":"/v1/partner/payments/456/status","operationId":"getPaymentStatus","status":200,"durationMs":1.2,"partnerId":1,"at":"2026-03-18T12:02:00.000Z"}}
                     */
                    "text/event-stream": string;
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            429: components["responses"]["TooManyStreams"];
            default: components["responses"]["UnexpectedError"];
        };
    };
    getReceiver: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The receiver. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Receiver"];
                };
            };
            401: components["responses"]["Unauthorized"];
            default: components["responses"]["UnexpectedError"];
        };
    };
    updateReceiver: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ReceiverUpdate"];
            };
        };
        responses: {
            /** @description The receiver. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Receiver"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            default: components["responses"]["UnexpectedError"];
        };
    };
    listFaults: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The active faults. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["FaultList"];
                };
            };
            401: components["responses"]["Unauthorized"];
            default: components["responses"]["UnexpectedError"];
        };
    };
    createFault: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["FaultRequest"];
            };
        };
        responses: {
            /** @description The fault, now active. */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Fault"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            /** @description The mock holds 100 faults, the most it keeps (E227). */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            default: components["responses"]["UnexpectedError"];
        };
    };
    clearFaults: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The faults were removed. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["FaultsCleared"];
                };
            };
            401: components["responses"]["Unauthorized"];
            default: components["responses"]["UnexpectedError"];
        };
    };
    deleteFault: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Numeric fault id. */
                faultId: components["parameters"]["FaultId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The removed fault. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Fault"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
            default: components["responses"]["UnexpectedError"];
        };
    };
    listRules: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The rules, first match first. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RuleList"];
                };
            };
            401: components["responses"]["Unauthorized"];
            default: components["responses"]["UnexpectedError"];
        };
    };
    replaceRules: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RuleList"];
            };
        };
        responses: {
            /** @description The new rules, with their ids. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RuleList"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            default: components["responses"]["UnexpectedError"];
        };
    };
    addRule: {
        parameters: {
            query?: {
                /** @description Where the rule goes; `first` (default) wins over the rules already there. */
                position?: "first" | "last";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["Rule"];
            };
        };
        responses: {
            /** @description The rule as stored, with its id. */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Rule"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            default: components["responses"]["UnexpectedError"];
        };
    };
    getRule: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The rule's id, e.g. `auto-pay`. */
                ruleId: components["parameters"]["RuleId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The rule. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Rule"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
            default: components["responses"]["UnexpectedError"];
        };
    };
    replaceRule: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The rule's id, e.g. `auto-pay`. */
                ruleId: components["parameters"]["RuleId"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["Rule"];
            };
        };
        responses: {
            /** @description The rule as stored now. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Rule"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            default: components["responses"]["UnexpectedError"];
        };
    };
    deleteRule: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The rule's id, e.g. `auto-pay`. */
                ruleId: components["parameters"]["RuleId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The removed rule. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Rule"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
            default: components["responses"]["UnexpectedError"];
        };
    };
}
/** The operations served under `paths`, by operationId. */
export type pathOperations = "getHealth" | "getPayment" | "completePayment" | "failPayment" | "expirePayment" | "activateMerchant" | "deactivateMerchant" | "getClock" | "advanceClock" | "resetState" | "exportState" | "importState" | "createPartner" | "listDeliveries" | "flushDeliveries" | "getDelivery" | "redeliverDelivery" | "listRequests" | "clearRequests" | "getRequest" | "streamEvents" | "getReceiver" | "updateReceiver" | "listFaults" | "createFault" | "clearFaults" | "deleteFault" | "listRules" | "replaceRules" | "addRule" | "getRule" | "replaceRule" | "deleteRule";
/** The query parameters of each operation that the spec gives a default; validation fills them in. */
export interface queryDefaults {
    listDeliveries: "page" | "limit";
    listRequests: "limit";
    addRule: "position";
}
