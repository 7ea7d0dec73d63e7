// Generated from spec/partner-api.yaml by `npm run gen:types`. Do not edit.
export interface paths {
    "/v1/partner/profile": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get the partner profile
         * @description Returns the profile of the partner that owns the calling credential.
         */
        get: operations["getProfile"];
        /**
         * Update the partner profile
         * @description Changes only the fields sent; answers with the whole updated profile.
         */
        put: operations["updateProfile"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/partner/credentials": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List credentials
         * @description All credential pairs of the partner, active and revoked; secrets are masked.
         */
        get: operations["listCredentials"];
        put?: never;
        /**
         * Create a credential
         * @description Generates a new client id and secret. The full secret is returned only in this response.
         */
        post: operations["createCredential"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/partner/credentials/{credentialId}/rotate": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Rotate a credential's secret
         * @description Generates a new secret for the credential; the old secret stops working, at once in the mock
         *     (inferred, D31).
         */
        post: operations["rotateCredential"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/partner/credentials/{credentialId}": {
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
         * Revoke a credential
         * @description Marks the credential `revoked`; any further call with it answers 401 (inferred, D31).
         *     Revoking the partner's last active credential is refused with 409 (inferred, D31).
         */
        delete: operations["revokeCredential"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/partner/merchants": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List merchants
         * @description The partner's merchants, newest first, one page at a time (inferred, D10).
         */
        get: operations["listMerchants"];
        put?: never;
        /**
         * Create a merchant
         * @description Creates a merchant in `pending_onboarding` and returns a hosted onboarding link to share with
         *     the merchant. The merchant becomes `active` when it completes onboarding through that link
         *     (inferred, D11).
         */
        post: operations["createMerchant"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/partner/merchants/fast-track": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Fast-track a merchant
         * @description Creates a merchant with its full company data in one call (for migrations and partners that
         *     already collected the regulatory data). The merchant still finishes through the returned
         *     onboarding link. Unknown fields are accepted here, since the documented field list is cut off
         *     (inferred, D7).
         */
        post: operations["fastTrackMerchant"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/partner/merchants/test": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Create a test merchant (sandbox only)
         * @description Instantly creates a pre-activated merchant whose `clientId` can be used for payments at once.
         *     The mock also gives it its default store (inferred, D13). Sandbox only: production answers 404.
         */
        post: operations["createTestMerchant"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/partner/merchants/{merchantId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get a merchant
         * @description One merchant of the partner, by its numeric id.
         */
        get: operations["getMerchant"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/partner/merchants/{merchantId}/resend-onboarding": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Resend the onboarding link
         * @description Issues a new onboarding token and expiry for a merchant that has not finished onboarding; the
         *     previous link stops working. A merchant that is already active or inactive answers 409.
         */
        post: operations["resendOnboarding"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/partner/merchants/{merchantId}/stores": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List stores
         * @description All stores of the merchant, active and deactivated, oldest first (inferred, E23).
         */
        get: operations["listStores"];
        put?: never;
        /**
         * Create a store
         * @description Adds a store to the merchant. A default store is created automatically when a merchant first
         *     sets up their POS (the mock does so when the merchant becomes active, inferred, D15); partners
         *     can create additional stores at any time, in any merchant status (inferred, D18). The
         *     merchant's first store becomes its default whatever `isDefault` says (inferred, D18);
         *     `isDefault: true` moves the default to the new store and clears the flag on the previous one
         *     (inferred, D18). A given `locationId` must be unique within the merchant, else 409 (inferred,
         *     D17).
         */
        post: operations["createStore"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/partner/merchants/{merchantId}/stores/{storeId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get a store
         * @description One store of the merchant, active or deactivated (inferred, E23).
         */
        get: operations["getStore"];
        /**
         * Update a store
         * @description Changes only the fields sent. `isDefault: true` makes this store the default; the flag on the
         *     previous default is cleared in the same step (inferred, D18). `isDefault: false` on the
         *     default store answers 409: choose another default instead (inferred, D18). A deactivated store
         *     cannot be made default, 409 (inferred, D18), and is reactivated with `isActive: true`
         *     (inferred, D18). An empty body answers 400 (inferred, E21).
         */
        put: operations["updateStore"];
        post?: never;
        /**
         * Deactivate a store
         * @description Deactivates the store and returns it with `isActive: false` (inferred, D17). The default store
         *     cannot be deactivated (409, inferred, D18): set another store as default first by updating it
         *     with `isDefault: true`.
         */
        delete: operations["deactivateStore"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/partner/payments": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List payments
         * @description The partner's payments, newest first (inferred, D21), one page at a time.
         */
        get: operations["listPayments"];
        put?: never;
        /**
         * Create a payment
         * @description Creates a pending payment for an active merchant and returns the `paymentUrl` to show as a QR
         *     code. A merchant that is not active answers 409 (inferred, D19). A pending payment expires 30
         *     minutes after creation (inferred, D20). The mock also honours the mock-only header
         *     `X-Mock-Payment` (inferred, D25), which real servers ignore.
         */
        post: operations["createPayment"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/partner/payments/{paymentId}/status": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get a payment's status
         * @description Poll this as the fallback to webhooks.
         */
        get: operations["getPaymentStatus"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/partner/payments/{paymentId}/qr": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get a payment's QR code
         * @description The payment's `paymentUrl` encoded as a QR code, as SVG (default) or PNG. Partners may just as
         *     well render `paymentUrl` with any QR library.
         */
        get: operations["getPaymentQr"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/partner/webhooks": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List webhooks
         * @description All webhook endpoints of the partner. Secrets are not returned: the reference says they are
         *     returned only on creation, though its example shows one (D26).
         */
        get: operations["listWebhooks"];
        put?: never;
        /**
         * Create a webhook
         * @description Registers an endpoint for the given events. The signing `secret` is returned only here.
         */
        post: operations["createWebhook"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/partner/webhooks/{webhookId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /**
         * Update a webhook
         * @description Replaces the URL and events; `status` pauses (`inactive`) or resumes (`active`) deliveries
         *     (inferred, E9).
         */
        put: operations["updateWebhook"];
        post?: never;
        /**
         * Delete a webhook
         * @description Removes the endpoint; no further deliveries are made to it.
         */
        delete: operations["deleteWebhook"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/partner/webhooks/{webhookId}/test": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Send a test event
         * @description Sends one sample event of the webhook's first subscribed type, marked `"test": true` in `data`,
         *     and answers with the result of that single attempt. Test deliveries are not retried.
         */
        post: operations["testWebhook"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/partner/stats": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get dashboard statistics
         * @description Merchant counts by status, payment counts by status and paid volume per currency, computed
         *     from the partner's data. `from` and `to` limit the payments counted by their creation time.
         */
        get: operations["getStats"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export interface webhooks {
    "payment.completed": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * A payment was paid
         * @description The customer completed bank authorisation and the payment settled.
         */
        post: operations["onPaymentCompleted"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "payment.failed": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * A payment failed
         * @description The bank rejected it, the customer abandoned it, or it expired. Its status is `failed` or
         *     `expired` (inferred, D20).
         */
        post: operations["onPaymentFailed"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "merchant.activated": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * A merchant became active
         * @description Sent as soon as the merchant becomes active; use it to create stores and start payments.
         */
        post: operations["onMerchantActivated"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "merchant.deactivated": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** A merchant became inactive */
        post: operations["onMerchantDeactivated"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export interface components {
    schemas: {
        /**
         * @description The error body of every 4xx and 5xx answer, shaped like NestJS's default (D5). `message` is
         *     one string, or one string per invalid field.
         */
        Error: {
            statusCode: number;
            /** @description The reason phrase of the status code. */
            error: string;
            message: string | string[];
            /** @description A machine-readable code added by the mock; clients must not need it. */
            code?: string;
        };
        /**
         * Format: date-time
         * @description ISO-8601 UTC with milliseconds, e.g. `2026-03-19T10:00:00.000Z` (D4).
         */
        Timestamp: string;
        Profile: {
            id: number;
            name: string;
            companyName: string;
            contactEmail: string;
            contactPhone?: string | null;
            website?: string | null;
            registrationNumber?: string | null;
            /** @enum {string} */
            status: "pending" | "active" | "suspended";
            createdAt: components["schemas"]["Timestamp"];
            updatedAt: components["schemas"]["Timestamp"];
        };
        ProfileUpdateRequest: {
            name?: string;
            companyName?: string;
            /** Format: email */
            contactEmail?: string;
            contactPhone?: string;
            /** Format: uri */
            website?: string;
        };
        /** @enum {string} */
        CredentialStatus: "active" | "revoked";
        Credential: {
            id: number;
            name: string;
            /** @description A UUID in the mock (D3); the reference's example shows `partner_abc123`. */
            clientId: string;
            /** @description The masked secret, `...` and its last four characters. */
            clientSecretLast4: string;
            status: components["schemas"]["CredentialStatus"];
            createdAt: components["schemas"]["Timestamp"];
        };
        CredentialCreateRequest: {
            name: string;
        };
        /** @description A credential with its full secret, returned only by create and rotate. */
        CredentialWithSecret: components["schemas"]["Credential"] & {
            /** @description The full secret, 64 lowercase hex characters. Shown only once. */
            clientSecret: string;
        };
        /**
         * @description The merchant statuses of the API reference, the ones the mock uses: a merchant that has not
         *     finished onboarding reads `pending` (D9). A merchant read may also carry the words of the
         *     create and test responses (E24).
         * @enum {string}
         */
        MerchantStatus: "pending" | "active" | "inactive";
        Merchant: {
            id: number;
            /** @description The merchant's client id, a UUID; pass it as `merchantClientId` when creating payments. */
            clientId: string;
            companyName: string;
            contactEmail: string;
            contactPhone?: string | null;
            /**
             * @description `pending`, `active` or `inactive` (the reference's enum; the mock answers only these, D9).
             *     A real server may also answer `pending_onboarding` or `activated`, the words of the create
             *     and test responses (inferred, E24).
             * @enum {string}
             */
            status: "pending" | "active" | "inactive" | "pending_onboarding" | "activated";
            partnerRefId?: string | null;
            createdAt: components["schemas"]["Timestamp"];
        };
        MerchantList: {
            merchants: components["schemas"]["Merchant"][];
            total: number;
            page: number;
            limit: number;
        };
        MerchantCreateRequest: {
            /** @description Legal company name. */
            companyName: string;
            /** Format: email */
            contactEmail: string;
            /** @example +4512345678 */
            contactPhone?: string;
            /** @description The partner's own reference for the merchant. */
            partnerRefId?: string;
        };
        /**
         * @description The create fields plus the company data. The guide's field table is cut off after a field
         *     starting with `primary`, so unknown fields are accepted and ignored (D7).
         */
        MerchantFastTrackRequest: {
            companyName: string;
            /** Format: email */
            contactEmail: string;
            contactPhone?: string;
            partnerRefId?: string;
            /** @description Company registration number (CVR in Denmark). */
            registrationNumber: string;
            /** Format: uri */
            website: string;
            /** @description Company IBAN for payouts, upper case without spaces (the shape is inferred, E20). */
            iban: string;
            /** @description BIC/SWIFT, 8 or 11 characters (the shape is inferred, E20). */
            bic?: string;
        } & {
            [key: string]: unknown;
        };
        TestMerchantCreateRequest: {
            companyName: string;
        };
        /** @description A merchant with a hosted onboarding link (create, fast-track, resend). */
        MerchantOnboarding: {
            merchantId: number;
            clientId: string;
            companyName: string;
            contactEmail: string;
            /** Format: uri */
            onboardingUrl: string;
            onboardingToken: string;
            /**
             * @description `pending_onboarding`, as the guide's create response shows (createMerchant's response
             *     schema keeps that value as documented); that fast-track and resend answer the same is
             *     inferred (D12).
             * @constant
             */
            status: "pending_onboarding";
            /** @description When the onboarding link stops working; 7 days after it was issued in the mock (inferred, D8). */
            expiresAt: components["schemas"]["Timestamp"];
        };
        TestMerchant: {
            merchantId: number;
            clientId: string;
            companyName: string;
            /** @constant */
            status: "activated";
            message: string;
        };
        /**
         * @description A merchant's location (the Stores guide's shape, D16). The mock omits optional fields that are
         *     unset; another server may send them as null.
         */
        Store: {
            /** @description A UUID in the mock (D3). */
            storeId: string;
            /** @description SKAT location identifier; generated as `LOC-YYYYMMDD-XXXX` when not given (inferred, D3). */
            locationId: string;
            name: string;
            streetAddress?: string | null;
            city?: string | null;
            postalCode?: string | null;
            /** @description Two-letter country code; upper case in the mock (inferred, D17). */
            countryCode?: string | null;
            phone?: string | null;
            email?: string | null;
            isActive: boolean;
            isDefault: boolean;
            createdAt?: components["schemas"]["Timestamp"] | null;
            updatedAt?: components["schemas"]["Timestamp"] | null;
        };
        StoreList: {
            stores: components["schemas"]["Store"][];
            total: number;
        };
        StoreCreateRequest: {
            /** @description Store name. */
            name: string;
            /**
             * @description SKAT location identifier (auto-generated if omitted); unique within the merchant
             *     (inferred, D17).
             */
            locationId?: string;
            streetAddress?: string;
            city?: string;
            postalCode?: string;
            /**
             * @description Two-letter country code (default DK); upper case only (inferred, D17).
             * @default DK
             */
            countryCode: string;
            phone?: string;
            /** Format: email */
            email?: string;
            /**
             * @description Set as default store for the merchant. A merchant's first store is its default whatever
             *     this says (inferred, D18).
             * @default false
             */
            isDefault: boolean;
        };
        /** @description Every field is optional; only the fields sent change. An empty body is refused (inferred, E21). */
        StoreUpdateRequest: {
            name?: string;
            locationId?: string;
            streetAddress?: string;
            city?: string;
            postalCode?: string;
            countryCode?: string;
            phone?: string;
            /** Format: email */
            email?: string;
            isDefault?: boolean;
            /** @description `true` reactivates a deactivated store; deactivate with DELETE. */
            isActive?: boolean;
        };
        /**
         * @description `pending` until the customer pays (`paid`), the bank rejects or the customer abandons
         *     (`failed`), or 30 minutes pass (`expired`). Terminal states never change (D20). The docs show
         *     `pending` and `paid`; `failed` and `expired` follow the payment.failed event, and that no
         *     other value exists is inferred too (D20).
         * @enum {string}
         */
        PaymentStatus: "pending" | "paid" | "failed" | "expired";
        PaymentCreateRequest: {
            /** @description The merchant's `clientId` (a UUID), not its numeric id. */
            merchantClientId: string;
            /**
             * @description Amount in major units, e.g. `149.50` DKK, at least 0.01. At most two decimals (inferred,
             *     D19) and at most 10,000,000 (inferred, E22).
             */
            amount: number;
            /** @description Your order or invoice reference; need not be unique (inferred, D19). */
            referenceNumber: string;
            /** @description Shown to the customer. */
            description?: string;
            /**
             * @description Currency code (default DKK); three upper-case letters (inferred, D19).
             * @default DKK
             */
            currency: string;
            /** @description The store to attribute the payment to. */
            storeId?: string;
            /** @description Register or terminal id within the store, e.g. `REG-001`. */
            registerId?: string;
        };
        /**
         * @description The guides return six fields, the API reference four; the mock returns all six, in the
         *     guides' order (D19).
         */
        PaymentCreated: {
            paymentId: number;
            /**
             * Format: uri
             * @description The URL to render as a QR code.
             */
            paymentUrl: string;
            status: components["schemas"]["PaymentStatus"];
            amount?: number;
            currency?: string;
            referenceNumber: string;
        };
        PaymentStatusResponse: {
            paymentId: number;
            status: components["schemas"]["PaymentStatus"];
            amount: number;
            currency: string;
            referenceNumber: string;
            merchantClientId: string;
            storeId?: string | null;
            registerId?: string | null;
            bankPaymentStatus?: components["schemas"]["BankPaymentStatus"];
            paidAt?: components["schemas"]["Timestamp"] | null;
            expiresAt?: components["schemas"]["Timestamp"];
            createdAt?: components["schemas"]["Timestamp"];
            updatedAt: components["schemas"]["Timestamp"];
        };
        /**
         * @description ISO 20022 style status from the bank: `AcceptedSettlementCompleted` when paid, `Rejected` when
         *     failed, `Expired` when expired, null while pending (D23).
         */
        BankPaymentStatus: string | null;
        PaymentListItem: {
            id: number;
            referenceNumber: string;
            amount: number;
            currency: string;
            status: components["schemas"]["PaymentStatus"];
            merchantClientId: string;
            merchantName?: string | null;
            description?: string | null;
            createdAt: components["schemas"]["Timestamp"];
        };
        PaymentList: {
            payments: components["schemas"]["PaymentListItem"][];
            total: number;
            page: number;
            limit: number;
        };
        /** @enum {string} */
        WebhookEventType: "payment.completed" | "payment.failed" | "merchant.activated" | "merchant.deactivated";
        /** @description At least one event (inferred, D26), each named once (inferred, E18). */
        WebhookEventList: components["schemas"]["WebhookEventType"][];
        /**
         * Format: uri
         * @description An http or https URL (the scheme rule is inferred, D26).
         */
        WebhookUrl: string;
        Webhook: {
            id: number;
            url: string;
            events: components["schemas"]["WebhookEventType"][];
            /** @enum {string} */
            status: "active" | "inactive";
            /** @description Documented as returned only on creation; the reference's list example shows it, the mock never lists it (D26). */
            secret?: string | null;
            lastTriggeredAt?: components["schemas"]["Timestamp"] | null;
            createdAt: components["schemas"]["Timestamp"];
        };
        WebhookWithSecret: components["schemas"]["Webhook"] & {
            /**
             * @description The signing secret, `whsec_…`; shown only here (D26). In the mock `whsec_` and 48
             *     lowercase hex characters (inferred, D3).
             */
            secret: string;
        };
        WebhookCreateRequest: {
            url: components["schemas"]["WebhookUrl"];
            events: components["schemas"]["WebhookEventList"];
        };
        WebhookUpdateRequest: {
            url: components["schemas"]["WebhookUrl"];
            events: components["schemas"]["WebhookEventList"];
            /**
             * @description `inactive` pauses deliveries.
             * @enum {string}
             */
            status?: "active" | "inactive";
        };
        WebhookTestResult: {
            deliveryId: string;
            webhookId: number;
            event: components["schemas"]["WebhookEventType"];
            /** @description True when the receiver answered 2xx within 10 seconds. */
            success: boolean;
            /** @description The receiver's status code, null when it did not answer. */
            statusCode: number | null;
            durationMs: number;
            error: string | null;
        };
        Stats: {
            from: components["schemas"]["Timestamp"] | null;
            to: components["schemas"]["Timestamp"] | null;
            merchants: {
                total: number;
                pending: number;
                active: number;
                inactive: number;
            };
            payments: {
                total: number;
                pending: number;
                paid: number;
                failed: number;
                expired: number;
            };
            /** @description Paid volume per currency. */
            volume: {
                currency: string;
                amount: number;
                count: number;
            }[];
        };
        PaymentEventData: {
            paymentId: number;
            referenceNumber: string;
            status: components["schemas"]["PaymentStatus"];
            amount: number;
            currency: string;
            merchantClientId: string;
            merchantName: string;
            bankPaymentStatus: components["schemas"]["BankPaymentStatus"];
            storeId?: string | null;
            registerId?: string | null;
            paidAt?: components["schemas"]["Timestamp"] | null;
            /** @description Present and true on events sent by the test endpoint (D26). */
            test?: boolean;
        };
        /** @description The guide names `merchantId` and `clientId`; the mock adds `companyName` and `status` (D27). */
        MerchantEventData: {
            merchantId: number;
            clientId: string;
            companyName: string;
            status: components["schemas"]["MerchantStatus"];
            /** @description Present and true on events sent by the test endpoint (D26). */
            test?: boolean;
        };
        PaymentEvent: {
            /** @enum {string} */
            event: "payment.completed" | "payment.failed";
            timestamp: components["schemas"]["Timestamp"];
            data: components["schemas"]["PaymentEventData"];
        };
        MerchantEvent: {
            /** @enum {string} */
            event: "merchant.activated" | "merchant.deactivated";
            timestamp: components["schemas"]["Timestamp"];
            data: components["schemas"]["MerchantEventData"];
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
        /** @description The partner headers are missing, unknown, wrong or revoked. */
        Unauthorized: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Error"];
            };
        };
        /** @description No such resource for this partner (another partner's ids answer the same). */
        NotFound: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Error"];
            };
        };
        /** @description The resource's state forbids the request. */
        Conflict: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Error"];
            };
        };
        /**
         * @description Production answers 404: this operation exists only in the sandbox. The mock is a sandbox and
         *     never answers it; the body is the shared error shape (inferred, D5).
         */
        NotFoundInProduction: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Error"];
            };
        };
        /** @description The body is larger than 1 MB (D33). */
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
        /** @description Rate limited. The public docs state no limits; the mock answers 429 only when QA injects it (D6). */
        TooManyRequests: {
            headers: {
                "Retry-After": components["headers"]["RetryAfter"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Error"];
            };
        };
        /** @description Any other error, in the same shape (for example one injected by QA). */
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
        /** @description Numeric credential id. */
        CredentialId: number;
        /** @description Numeric merchant id (not the merchant's clientId). */
        MerchantId: number;
        /** @description The store's `storeId`. */
        StoreId: string;
        /** @description Numeric payment id. */
        PaymentId: number;
        /** @description Numeric webhook id. */
        WebhookId: number;
        /** @description Page number, from 1. */
        Page: number;
        /** @description Items per page, 1 to 100 (the default of 20 is documented, the range is inferred, D21). */
        Limit: number;
        /**
         * @description HMAC-SHA256 of the request body, keyed with the webhook's secret. Verify it before trusting
         *     the body. Lowercase hex of the exact raw body bytes in the mock (inferred, D28: the docs'
         *     code samples are cut off).
         */
        WebhookSignature: string;
        /** @description The event name, the same as `event` in the body (informational, D28). */
        WebhookEvent: components["schemas"]["WebhookEventType"];
        /** @description A unique id of this delivery, the same on every retry of it (informational, D28). */
        WebhookDelivery: string;
        /** @description The attempt number, from 1 (informational, D28). */
        WebhookAttempt: string;
    };
    requestBodies: never;
    headers: {
        /** @description Seconds to wait before trying again. */
        RetryAfter: number;
    };
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    getProfile: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Partner profile. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Profile"];
                };
            };
            401: components["responses"]["Unauthorized"];
            429: components["responses"]["TooManyRequests"];
            default: components["responses"]["UnexpectedError"];
        };
    };
    updateProfile: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ProfileUpdateRequest"];
            };
        };
        responses: {
            /** @description The updated profile. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Profile"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            429: components["responses"]["TooManyRequests"];
            default: components["responses"]["UnexpectedError"];
        };
    };
    listCredentials: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A bare array of credentials. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Credential"][];
                };
            };
            401: components["responses"]["Unauthorized"];
            429: components["responses"]["TooManyRequests"];
            default: components["responses"]["UnexpectedError"];
        };
    };
    createCredential: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CredentialCreateRequest"];
            };
        };
        responses: {
            /** @description The new credential with its full secret. */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CredentialWithSecret"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            429: components["responses"]["TooManyRequests"];
            default: components["responses"]["UnexpectedError"];
        };
    };
    rotateCredential: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Numeric credential id. */
                credentialId: components["parameters"]["CredentialId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The credential with its new full secret. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CredentialWithSecret"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            429: components["responses"]["TooManyRequests"];
            default: components["responses"]["UnexpectedError"];
        };
    };
    revokeCredential: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Numeric credential id. */
                credentialId: components["parameters"]["CredentialId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The revoked credential. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Credential"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            429: components["responses"]["TooManyRequests"];
            default: components["responses"]["UnexpectedError"];
        };
    };
    listMerchants: {
        parameters: {
            query?: {
                /** @description Only merchants in this status. */
                status?: components["schemas"]["MerchantStatus"];
                /** @description Page number, from 1. */
                page?: number;
                /** @description Items per page, 1 to 100. */
                limit?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description One page of merchants. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MerchantList"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            429: components["responses"]["TooManyRequests"];
            default: components["responses"]["UnexpectedError"];
        };
    };
    createMerchant: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["MerchantCreateRequest"];
            };
        };
        responses: {
            /** @description The merchant with its onboarding link. */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MerchantOnboarding"] & {
                        /** @constant */
                        status?: "pending_onboarding";
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            429: components["responses"]["TooManyRequests"];
            default: components["responses"]["UnexpectedError"];
        };
    };
    fastTrackMerchant: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["MerchantFastTrackRequest"];
            };
        };
        responses: {
            /** @description The merchant with its onboarding link. */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MerchantOnboarding"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            429: components["responses"]["TooManyRequests"];
            default: components["responses"]["UnexpectedError"];
        };
    };
    createTestMerchant: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["TestMerchantCreateRequest"];
            };
        };
        responses: {
            /** @description The activated test merchant. */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TestMerchant"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFoundInProduction"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            429: components["responses"]["TooManyRequests"];
            default: components["responses"]["UnexpectedError"];
        };
    };
    getMerchant: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Numeric merchant id (not the merchant's clientId). */
                merchantId: components["parameters"]["MerchantId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Merchant details. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Merchant"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
            default: components["responses"]["UnexpectedError"];
        };
    };
    resendOnboarding: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Numeric merchant id (not the merchant's clientId). */
                merchantId: components["parameters"]["MerchantId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The merchant with its new onboarding link. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MerchantOnboarding"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            429: components["responses"]["TooManyRequests"];
            default: components["responses"]["UnexpectedError"];
        };
    };
    listStores: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Numeric merchant id (not the merchant's clientId). */
                merchantId: components["parameters"]["MerchantId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The merchant's stores. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["StoreList"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
            default: components["responses"]["UnexpectedError"];
        };
    };
    createStore: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Numeric merchant id (not the merchant's clientId). */
                merchantId: components["parameters"]["MerchantId"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["StoreCreateRequest"];
            };
        };
        responses: {
            /** @description The created store. */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Store"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            429: components["responses"]["TooManyRequests"];
            default: components["responses"]["UnexpectedError"];
        };
    };
    getStore: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Numeric merchant id (not the merchant's clientId). */
                merchantId: components["parameters"]["MerchantId"];
                /** @description The store's `storeId`. */
                storeId: components["parameters"]["StoreId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The store. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Store"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
            default: components["responses"]["UnexpectedError"];
        };
    };
    updateStore: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Numeric merchant id (not the merchant's clientId). */
                merchantId: components["parameters"]["MerchantId"];
                /** @description The store's `storeId`. */
                storeId: components["parameters"]["StoreId"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["StoreUpdateRequest"];
            };
        };
        responses: {
            /** @description The updated store. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Store"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            429: components["responses"]["TooManyRequests"];
            default: components["responses"]["UnexpectedError"];
        };
    };
    deactivateStore: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Numeric merchant id (not the merchant's clientId). */
                merchantId: components["parameters"]["MerchantId"];
                /** @description The store's `storeId`. */
                storeId: components["parameters"]["StoreId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The deactivated store. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Store"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            429: components["responses"]["TooManyRequests"];
            default: components["responses"]["UnexpectedError"];
        };
    };
    listPayments: {
        parameters: {
            query?: {
                /** @description Only payments of the merchant with this client id. */
                merchantClientId?: string;
                /** @description Only payments in this status. */
                status?: components["schemas"]["PaymentStatus"];
                /** @description Page number, from 1. */
                page?: components["parameters"]["Page"];
                /** @description Items per page, 1 to 100 (the default of 20 is documented, the range is inferred, D21). */
                limit?: components["parameters"]["Limit"];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Paginated payment list. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PaymentList"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            429: components["responses"]["TooManyRequests"];
            default: components["responses"]["UnexpectedError"];
        };
    };
    createPayment: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description Mock only (D25): settle the new payment at once (`paid`, `failed`, `expired`) or after a
                 *     delay (`delay=<milliseconds>`, paid when the delay ends).
                 */
                "X-Mock-Payment"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["PaymentCreateRequest"];
            };
        };
        responses: {
            /** @description The pending payment with the URL to show as a QR code. */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PaymentCreated"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            429: components["responses"]["TooManyRequests"];
            default: components["responses"]["UnexpectedError"];
        };
    };
    getPaymentStatus: {
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
            /** @description The payment's current status (the body is inferred, D21). */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PaymentStatusResponse"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
            default: components["responses"]["UnexpectedError"];
        };
    };
    getPaymentQr: {
        parameters: {
            query?: {
                /** @description Image format. */
                format?: "svg" | "png";
                /** @description Width and height of the image in pixels (PNG) or user units (SVG). */
                size?: number;
            };
            header?: never;
            path: {
                /** @description Numeric payment id. */
                paymentId: components["parameters"]["PaymentId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The QR image. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "image/svg+xml": string;
                    "image/png": string;
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
            default: components["responses"]["UnexpectedError"];
        };
    };
    listWebhooks: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A bare array of webhooks. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Webhook"][];
                };
            };
            401: components["responses"]["Unauthorized"];
            429: components["responses"]["TooManyRequests"];
            default: components["responses"]["UnexpectedError"];
        };
    };
    createWebhook: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["WebhookCreateRequest"];
            };
        };
        responses: {
            /** @description The webhook with its signing secret. */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WebhookWithSecret"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            429: components["responses"]["TooManyRequests"];
            default: components["responses"]["UnexpectedError"];
        };
    };
    updateWebhook: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Numeric webhook id. */
                webhookId: components["parameters"]["WebhookId"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["WebhookUpdateRequest"];
            };
        };
        responses: {
            /** @description Updated webhook. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Webhook"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            429: components["responses"]["TooManyRequests"];
            default: components["responses"]["UnexpectedError"];
        };
    };
    deleteWebhook: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Numeric webhook id. */
                webhookId: components["parameters"]["WebhookId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The deleted webhook. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Webhook"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
            default: components["responses"]["UnexpectedError"];
        };
    };
    testWebhook: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Numeric webhook id. */
                webhookId: components["parameters"]["WebhookId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The result of the test delivery. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WebhookTestResult"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
            default: components["responses"]["UnexpectedError"];
        };
    };
    getStats: {
        parameters: {
            query?: {
                /** @description Count payments created at or after this instant. */
                from?: string;
                /** @description Count payments created before this instant. */
                to?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Statistics. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Stats"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            429: components["responses"]["TooManyRequests"];
            default: components["responses"]["UnexpectedError"];
        };
    };
    onPaymentCompleted: {
        parameters: {
            query?: never;
            header: {
                /**
                 * @description HMAC-SHA256 of the request body, keyed with the webhook's secret. Verify it before trusting
                 *     the body. Lowercase hex of the exact raw body bytes in the mock (inferred, D28: the docs'
                 *     code samples are cut off).
                 */
                "X-Webhook-Signature": components["parameters"]["WebhookSignature"];
                /** @description The event name, the same as `event` in the body (informational, D28). */
                "X-Webhook-Event"?: components["parameters"]["WebhookEvent"];
                /** @description A unique id of this delivery, the same on every retry of it (informational, D28). */
                "X-Webhook-Delivery"?: components["parameters"]["WebhookDelivery"];
                /** @description The attempt number, from 1 (informational, D28). */
                "X-Webhook-Attempt"?: components["parameters"]["WebhookAttempt"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["PaymentEvent"];
            };
        };
        responses: {
            /**
             * @description Answer 200 within 10 seconds and do the work asynchronously. The mock counts any 2xx as
             *     delivered and retries anything else, or no answer in time, with backoff (inferred, D29).
             */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    onPaymentFailed: {
        parameters: {
            query?: never;
            header: {
                /**
                 * @description HMAC-SHA256 of the request body, keyed with the webhook's secret. Verify it before trusting
                 *     the body. Lowercase hex of the exact raw body bytes in the mock (inferred, D28: the docs'
                 *     code samples are cut off).
                 */
                "X-Webhook-Signature": components["parameters"]["WebhookSignature"];
                /** @description The event name, the same as `event` in the body (informational, D28). */
                "X-Webhook-Event"?: components["parameters"]["WebhookEvent"];
                /** @description A unique id of this delivery, the same on every retry of it (informational, D28). */
                "X-Webhook-Delivery"?: components["parameters"]["WebhookDelivery"];
                /** @description The attempt number, from 1 (informational, D28). */
                "X-Webhook-Attempt"?: components["parameters"]["WebhookAttempt"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["PaymentEvent"];
            };
        };
        responses: {
            /**
             * @description Answer 200 within 10 seconds and do the work asynchronously. The mock counts any 2xx as
             *     delivered and retries anything else, or no answer in time, with backoff (inferred, D29).
             */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    onMerchantActivated: {
        parameters: {
            query?: never;
            header: {
                /**
                 * @description HMAC-SHA256 of the request body, keyed with the webhook's secret. Verify it before trusting
                 *     the body. Lowercase hex of the exact raw body bytes in the mock (inferred, D28: the docs'
                 *     code samples are cut off).
                 */
                "X-Webhook-Signature": components["parameters"]["WebhookSignature"];
                /** @description The event name, the same as `event` in the body (informational, D28). */
                "X-Webhook-Event"?: components["parameters"]["WebhookEvent"];
                /** @description A unique id of this delivery, the same on every retry of it (informational, D28). */
                "X-Webhook-Delivery"?: components["parameters"]["WebhookDelivery"];
                /** @description The attempt number, from 1 (informational, D28). */
                "X-Webhook-Attempt"?: components["parameters"]["WebhookAttempt"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["MerchantEvent"];
            };
        };
        responses: {
            /**
             * @description Answer 200 within 10 seconds and do the work asynchronously. The mock counts any 2xx as
             *     delivered and retries anything else, or no answer in time, with backoff (inferred, D29).
             */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    onMerchantDeactivated: {
        parameters: {
            query?: never;
            header: {
                /**
                 * @description HMAC-SHA256 of the request body, keyed with the webhook's secret. Verify it before trusting
                 *     the body. Lowercase hex of the exact raw body bytes in the mock (inferred, D28: the docs'
                 *     code samples are cut off).
                 */
                "X-Webhook-Signature": components["parameters"]["WebhookSignature"];
                /** @description The event name, the same as `event` in the body (informational, D28). */
                "X-Webhook-Event"?: components["parameters"]["WebhookEvent"];
                /** @description A unique id of this delivery, the same on every retry of it (informational, D28). */
                "X-Webhook-Delivery"?: components["parameters"]["WebhookDelivery"];
                /** @description The attempt number, from 1 (informational, D28). */
                "X-Webhook-Attempt"?: components["parameters"]["WebhookAttempt"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["MerchantEvent"];
            };
        };
        responses: {
            /**
             * @description Answer 200 within 10 seconds and do the work asynchronously. The mock counts any 2xx as
             *     delivered and retries anything else, or no answer in time, with backoff (inferred, D29).
             */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
}
/** The operations served under `paths`, by operationId. */
export type pathOperations = "getProfile" | "updateProfile" | "listCredentials" | "createCredential" | "rotateCredential" | "revokeCredential" | "listMerchants" | "createMerchant" | "fastTrackMerchant" | "createTestMerchant" | "getMerchant" | "resendOnboarding" | "listStores" | "createStore" | "getStore" | "updateStore" | "deactivateStore" | "listPayments" | "createPayment" | "getPaymentStatus" | "getPaymentQr" | "listWebhooks" | "createWebhook" | "updateWebhook" | "deleteWebhook" | "testWebhook" | "getStats";
/** The query parameters of each operation that the spec gives a default; validation fills them in. */
export interface queryDefaults {
    listMerchants: "page" | "limit";
    listPayments: "page" | "limit";
    getPaymentQr: "format" | "size";
}
