/*
 * A local stand-in for Stripe.js v3 (https://js.stripe.com/v3/), served by Paylink's local Stripe-compatible server.
 * It implements exactly the surface Paylink's payment page uses, with the contract Stripe documents:
 *   Stripe(publishableKey, {stripeAccount, locale})                 docs.stripe.com/js/initializing
 *   stripe.elements({mode, amount, currency, locale, setupFutureUsage, ...})
 *                                                                    docs.stripe.com/js/elements_object/create_without_intent
 *   elements.update({...}), elements.submit()                        docs.stripe.com/js/elements/update, /js/elements/submit
 *   elements.create('payment'), element.mount(selector)              docs.stripe.com/js/elements_object/create_payment_element
 *   stripe.confirmPayment({elements, clientSecret, confirmParams: {return_url}, redirect})
 *                                                                    docs.stripe.com/js/payment_intents/confirm_payment
 * The confirmation goes to this server's API with the publishable key and the connected account in the form, as
 * Stripe.js sends them to api.stripe.com; the server refuses what Stripe refuses. Unlike Stripe's, the card fields
 * are rendered in the page itself (Stripe renders them in its own iframe): a test-only difference, listed in
 * docs/payments.md.
 */
(function () {
    'use strict';
    var script = document.currentScript;
    var API = new URL(script.src).origin;

    var TEXT = {
        en: {
            note: 'Stripe test mode (local stand-in): use a Stripe test card, e.g. 4242 4242 4242 4242.',
            number: 'Card number', expiry: 'Expiration date (MM / YY)', cvc: 'Security code',
            numberIncomplete: 'Your card number is incomplete.', numberInvalid: 'Your card number is invalid.',
            expiryIncomplete: "Your card's expiration date is incomplete.", expiryPast: "Your card's expiration year is in the past.",
            cvcIncomplete: "Your card's security code is incomplete.",
            generic_decline: 'Your card was declined.', insufficient_funds: 'Your card has insufficient funds.',
            expired_card: 'Your card has expired.', incorrect_cvc: "Your card's security code is incorrect.",
            processing_error: 'An error occurred while processing your card. Try again in a little bit.',
            incorrect_number: 'Your card number is incorrect.',
            test_mode_live_card: 'Your card was declined. Your request was in test mode, but used a non test card.',
            network: 'We could not reach the card processor. Check your connection and try again.',
            method: 'Payment method', card: 'Card', walletNote: 'Test mode: the wallet approves at once with a test card.',
            bank: 'US bank account', bankNote: 'Test mode: routing number 110000000; account 000123456789 succeeds, 000222222227 is returned for insufficient funds, 000111111113 for a closed account.',
            bankName: 'Full name', bankEmail: 'Email', routing: 'Routing number', account: 'Account number',
            bankNameMissing: 'Please provide your full name.', bankEmailInvalid: 'Your email address is invalid.',
            routingInvalid: 'Your routing number is invalid.', accountIncomplete: 'Your account number is incomplete.',
            mandate: 'By providing your bank account details and confirming this payment, you authorize {merchant} and Stripe, our payment service provider, to debit your bank account once for the amount shown. You can ask your bank for a refund of an unauthorized debit.'
        },
        es: {
            note: 'Modo de prueba de Stripe (sustituto local): use una tarjeta de prueba de Stripe, p. ej. 4242 4242 4242 4242.',
            number: 'Número de tarjeta', expiry: 'Fecha de vencimiento (MM / AA)', cvc: 'Código de seguridad',
            numberIncomplete: 'El número de tu tarjeta está incompleto.', numberInvalid: 'El número de tu tarjeta no es válido.',
            expiryIncomplete: 'La fecha de vencimiento de tu tarjeta está incompleta.',
            expiryPast: 'El año de vencimiento de tu tarjeta ya ha pasado.',
            cvcIncomplete: 'El código de seguridad de tu tarjeta está incompleto.',
            generic_decline: 'Se ha rechazado tu tarjeta.', insufficient_funds: 'Tu tarjeta no tiene fondos suficientes.',
            expired_card: 'Tu tarjeta ha vencido.', incorrect_cvc: 'El código de seguridad de tu tarjeta es incorrecto.',
            processing_error: 'Se ha producido un error al procesar tu tarjeta. Vuelve a intentarlo en unos momentos.',
            incorrect_number: 'El número de tu tarjeta es incorrecto.',
            test_mode_live_card: 'Se ha rechazado tu tarjeta. Tu solicitud estaba en modo de prueba, pero usaste una tarjeta real.',
            network: 'No pudimos comunicarnos con el procesador de tarjetas. Revisa tu conexión e inténtalo de nuevo.',
            method: 'Método de pago', card: 'Tarjeta', walletNote: 'Modo de prueba: la billetera aprueba al instante con una tarjeta de prueba.',
            bank: 'Cuenta bancaria de EE. UU.', bankNote: 'Modo de prueba: número de ruta 110000000; la cuenta 000123456789 se aprueba, 000222222227 se devuelve por fondos insuficientes, 000111111113 por cuenta cerrada.',
            bankName: 'Nombre completo', bankEmail: 'Correo electrónico', routing: 'Número de ruta', account: 'Número de cuenta',
            bankNameMissing: 'Indica tu nombre completo.', bankEmailInvalid: 'Tu dirección de correo electrónico no es válida.',
            routingInvalid: 'Tu número de ruta no es válido.', accountIncomplete: 'Tu número de cuenta está incompleto.',
            mandate: 'Al proporcionar los datos de tu cuenta bancaria y confirmar este pago, autorizas a {merchant} y a Stripe, nuestro proveedor de servicios de pago, a debitar tu cuenta bancaria una vez por el importe indicado. Puedes pedir a tu banco el reembolso de un débito no autorizado.'
        }
    };

    function IntegrationError(message) {
        var error = new Error(message);
        error.name = 'IntegrationError';
        return error;
    }

    function language(locale) {
        var lang = (locale || 'auto') === 'auto' ? (navigator.language || 'en') : locale;
        lang = String(lang).toLowerCase().split('-')[0];
        return TEXT[lang] ? lang : 'en';
    }

    function Stripe(key, options) {
        if (!(this instanceof Stripe)) {
            return new Stripe(key, options);
        }
        if (typeof key !== 'string' || key === '') {
            throw IntegrationError('Please call Stripe() with your publishable key. You used an empty string.');
        }
        if (/^(sk|rk)_/.test(key)) {
            throw IntegrationError('You should not use your secret key with Stripe.js. Please pass a publishable key instead.');
        }
        if (!/^pk_(test|live)_/.test(key)) {
            throw IntegrationError('Invalid value for Stripe(): apiKey should be a publishable key (pk_...).');
        }
        options = options || {};
        if (options.stripeAccount !== undefined && !/^acct_/.test(String(options.stripeAccount))) {
            throw IntegrationError('Invalid value for Stripe(): stripeAccount should be a connected account id (acct_...).');
        }
        this._key = key;
        this._account = options.stripeAccount;
        this._locale = options.locale;
    }

    Stripe.prototype.elements = function (options) {
        options = options || {};
        if (options.mode !== undefined) {
            if (['payment', 'setup', 'subscription'].indexOf(options.mode) < 0) {
                throw IntegrationError('Invalid value for elements(): mode should be one of payment, setup, subscription.');
            }
            if (options.mode === 'payment' && !(Number.isInteger(options.amount) && options.amount > 0)) {
                throw IntegrationError('Invalid value for elements(): amount should be a positive integer in the smallest currency unit.');
            }
            if (!options.currency || options.currency !== String(options.currency).toLowerCase()) {
                throw IntegrationError('Invalid value for elements(): currency should be a lowercase three-letter ISO code.');
            }
        }
        return new Elements(this, options);
    };

    function Elements(stripe, options) {
        this._stripe = stripe;
        this._options = {};
        this.update(options);
        this._element = null;
        this._submitted = false;
    }

    Elements.prototype.update = function (options) {
        if (options && options.setupFutureUsage !== undefined && options.setupFutureUsage !== null
                && ['on_session', 'off_session'].indexOf(options.setupFutureUsage) < 0) {
            throw IntegrationError('Invalid value for setupFutureUsage: should be one of on_session, off_session, or null.');
        }
        for (var name in options) {
            if (Object.prototype.hasOwnProperty.call(options, name)) {
                this._options[name] = options[name];
            }
        }
        this._submitted = false; // Stripe: submit again after anything that changes the payment
        return this;
    };

    Elements.prototype.create = function (type, options) {
        if (type !== 'payment') {
            throw IntegrationError('The local Stripe stand-in implements only the Payment Element, not "' + type + '".');
        }
        if (this._element) {
            throw IntegrationError('Can only create one Element of type payment.');
        }
        this._element = new PaymentElement(this, options || {});
        return this._element;
    };

    Elements.prototype.getElement = function (type) {
        return type === 'payment' ? this._element : null;
    };

    /** Validates the Payment Element's fields, shows the first problem in it, and resolves {} or {error}. */
    Elements.prototype.submit = function () {
        var self = this;
        return new Promise(function (resolve) {
            if (!self._element || !self._element._mounted) {
                resolve({error: {type: 'validation_error', message: 'The Payment Element is not mounted.'}});
                return;
            }
            var problem = self._element._problem();
            self._element._show(problem);
            self._submitted = !problem;
            resolve(problem ? {error: {type: 'validation_error', message: problem}} : {});
        });
    };

    function PaymentElement(elements, options) {
        this._elements = elements;
        this._options = options;
        this._mounted = false;
    }

    // The look of Stripe's Payment Element, roughly: labelled fields stacked full width (Stripe styles its own iframe;
    // the stand-in styles its fields with one style element, which the page's policy allows: style-src 'unsafe-inline')
    var STYLE = '.stripe-stand-in{display:grid;gap:.75rem;margin:.5rem 0}'
        + '.stripe-stand-in-note{margin:0;padding:.5rem .75rem;border-radius:6px;background:#fff4e5;color:#663c00;font-size:.875rem}'
        + '.stripe-stand-in-field{display:grid;gap:.25rem}'
        + '.stripe-stand-in-field label{font-size:.875rem;color:#30313d}'
        + '.stripe-stand-in-field input{font:inherit;padding:.6rem .75rem;border:1px solid #8a8d99;border-radius:6px}'
        + '.stripe-stand-in-field input:focus{outline:2px solid #0570de;outline-offset:1px}'
        + '.stripe-stand-in-row{display:grid;grid-template-columns:1fr 1fr;gap:.75rem}'
        + '.stripe-stand-in-error{margin:0;color:#b3261e;font-size:.875rem}'
        + '.stripe-stand-in-error:empty{display:none}'
        + '.stripe-stand-in-methods{display:flex;gap:1rem;border:0;margin:0;padding:0}'
        + '.stripe-stand-in-methods legend{font-size:.875rem;color:#30313d;margin-bottom:.25rem}'
        + '.stripe-stand-in-mandate{margin:0;font-size:.8rem;color:#6d6e78}'
        + '.stripe-stand-in-card[hidden],.stripe-stand-in-bank[hidden],.stripe-stand-in-wallet-note[hidden]{display:none}';

    function styleOnce() {
        if (!document.getElementById('stripe-stand-in-style')) {
            var style = document.createElement('style');
            style.id = 'stripe-stand-in-style';
            style.textContent = STYLE;
            document.head.appendChild(style);
        }
    }

    PaymentElement.prototype.mount = function (target) {
        var host = typeof target === 'string' ? document.querySelector(target) : target;
        if (!host) {
            throw IntegrationError('The selector you specified (' + target + ') applies to no DOM elements that are currently on the page.');
        }
        var t = TEXT[language(this._elements._options.locale || this._elements._stripe._locale)];
        var box = document.createElement('div');
        box.className = 'stripe-stand-in';
        box.setAttribute('data-stripe-stand-in', 'payment');
        box.appendChild(paragraph('stripe-stand-in-note', t.note));
        var cardFields = document.createElement('div');
        cardFields.className = 'stripe-stand-in-card stripe-stand-in';
        box.appendChild(cardFields);
        this._cardFields = cardFields;
        this._number = field(cardFields, 'stripe-stand-in-number', t.number, 'cc-number', 'numeric', '1234 1234 1234 1234');
        var row = document.createElement('div');
        row.className = 'stripe-stand-in-row';
        cardFields.appendChild(row);
        this._expiry = field(row, 'stripe-stand-in-expiry', t.expiry, 'cc-exp', 'numeric', 'MM / YY');
        this._cvc = field(row, 'stripe-stand-in-cvc', t.cvc, 'cc-csc', 'numeric', 'CVC');
        var types = this._elements._options.paymentMethodTypes || ['card'];
        if (types.indexOf('us_bank_account') >= 0) {
            var bankFields = document.createElement('div');
            bankFields.className = 'stripe-stand-in-bank stripe-stand-in';
            bankFields.hidden = true;
            box.appendChild(bankFields);
            this._bankFields = bankFields;
            bankFields.appendChild(paragraph('stripe-stand-in-note', t.bankNote));
            this._bankName = field(bankFields, 'stripe-stand-in-bank-name', t.bankName, 'name', 'text', '');
            this._bankEmail = field(bankFields, 'stripe-stand-in-bank-email', t.bankEmail, 'email', 'email', '');
            var bankRow = document.createElement('div');
            bankRow.className = 'stripe-stand-in-row';
            bankFields.appendChild(bankRow);
            this._routing = field(bankRow, 'stripe-stand-in-routing', t.routing, 'off', 'numeric', '110000000');
            this._account = field(bankRow, 'stripe-stand-in-account', t.account, 'off', 'numeric', '000123456789');
            var mandate = paragraph('stripe-stand-in-mandate', t.mandate.replace('{merchant}', (this._options.business && this._options.business.name) || 'the business'));
            mandate.id = 'stripe-stand-in-mandate';
            bankFields.appendChild(mandate);
        }
        styleOnce();
        this._error = paragraph('stripe-stand-in-error', '');
        this._error.id = 'stripe-stand-in-error';
        this._error.setAttribute('role', 'alert');
        box.appendChild(this._error);
        host.textContent = '';
        host.appendChild(box);
        this._text = t;
        this._box = box;
        this._wallet = null;
        this._bank = false;
        this._mounted = true;
        if (this._bankFields) {
            this._addChoice('stripe-stand-in-method-bank', t.bank, 'us_bank_account');
        }
        this._offerWallet();
        return this;
    };

    /**
     * Apple Pay (Safari) or Google Pay (other browsers), as Stripe's Payment Element offers them: only on a domain
     * registered for the account that takes the charge (Payment Method Domains). The box says when it has asked.
     */
    PaymentElement.prototype._offerWallet = function () {
        var self = this;
        var stripe = this._elements._stripe;
        var url = API + '/_stand-in/wallets?account=' + encodeURIComponent(stripe._account || '')
            + '&domain=' + encodeURIComponent(window.location.hostname);
        fetch(url).then(function (r) { return r.json(); }).then(function (offered) {
            var safari = /Safari/.test(navigator.userAgent) && !/Chrome|Chromium/.test(navigator.userAgent);
            var type = safari ? 'apple_pay' : 'google_pay';
            if (offered[type]) {
                self._addWalletChoice(type, safari ? 'Apple Pay' : 'Google Pay');
            }
        }, function () { /* no wallet: the card form stays */ }).then(function () {
            self._box.setAttribute('data-wallets-checked', 'true');
        });
    };

    PaymentElement.prototype._addWalletChoice = function (type, label) {
        this._addChoice('stripe-stand-in-method-wallet', label, type);
        this._walletNote.hidden = this._wallet !== type;
    };

    /** The payment method choices, above the fields: the card first, then each other method the element offers. */
    PaymentElement.prototype._addChoice = function (id, text, value) {
        var self = this;
        var t = this._text;
        if (!this._methods) {
            var set = document.createElement('fieldset');
            set.className = 'stripe-stand-in-methods';
            var legend = document.createElement('legend');
            legend.textContent = t.method;
            set.appendChild(legend);
            this._methods = set;
            this._walletNote = paragraph('stripe-stand-in-wallet-note stripe-stand-in-note', t.walletNote);
            this._walletNote.hidden = true;
            this._box.insertBefore(set, this._cardFields);
            this._box.insertBefore(this._walletNote, this._cardFields);
            this._addChoice('stripe-stand-in-method-card', t.card, 'card');
        }
        var wrap = document.createElement('span');
        var input = document.createElement('input');
        input.type = 'radio';
        input.name = 'stripe-stand-in-method';
        input.id = id;
        input.value = value;
        input.checked = value === 'card';
        input.addEventListener('change', function () {
            self._bank = value === 'us_bank_account';
            self._wallet = value === 'card' || self._bank ? null : value;
            self._cardFields.hidden = value !== 'card';
            if (self._bankFields) {
                self._bankFields.hidden = !self._bank;
            }
            self._walletNote.hidden = !self._wallet;
            self._show('');
            self._elements._submitted = false;
        });
        var l = document.createElement('label');
        l.htmlFor = id;
        l.textContent = text;
        wrap.appendChild(input);
        wrap.appendChild(l);
        this._methods.appendChild(wrap);
    };

    PaymentElement.prototype._problem = function () {
        var t = this._text;
        if (this._bank) {
            if (!this._bankName.value.trim()) {
                return t.bankNameMissing;
            }
            if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(this._bankEmail.value.trim())) {
                return t.bankEmailInvalid;
            }
            if (!/^\d{9}$/.test(this._routing.value.replace(/[\s-]/g, ''))) {
                return t.routingInvalid;
            }
            if (!/^\d{4,17}$/.test(this._account.value.replace(/[\s-]/g, ''))) {
                return t.accountIncomplete;
            }
            return null;
        }
        if (this._wallet) {
            return null; // the wallet's own sheet collects and checks the card (in test mode it approves at once)
        }
        var digits = this._number.value.replace(/[\s-]/g, '');
        if (digits.length < 12) {
            return t.numberIncomplete;
        }
        if (!/^\d{12,19}$/.test(digits)) {
            return t.numberInvalid;
        }
        var expiry = /^\s*(\d{1,2})\s*\/\s*(\d{2}|\d{4})\s*$/.exec(this._expiry.value);
        if (!expiry || Number(expiry[1]) < 1 || Number(expiry[1]) > 12) {
            return t.expiryIncomplete;
        }
        var year = Number(expiry[2].length === 2 ? '20' + expiry[2] : expiry[2]);
        var now = new Date();
        if (year < now.getFullYear() || (year === now.getFullYear() && Number(expiry[1]) < now.getMonth() + 1)) {
            return t.expiryPast;
        }
        if (!/^\d{3,4}$/.test(this._cvc.value.trim())) {
            return t.cvcIncomplete;
        }
        return null;
    };

    PaymentElement.prototype._show = function (message) {
        this._error.textContent = message || '';
    };

    PaymentElement.prototype._card = function () {
        if (this._wallet) {
            return {number: '4242424242424242', exp_month: '12', exp_year: '2039', cvc: '123', wallet: this._wallet};
        }
        var expiry = /^\s*(\d{1,2})\s*\/\s*(\d{2}|\d{4})\s*$/.exec(this._expiry.value);
        return {
            number: this._number.value.replace(/[\s-]/g, ''),
            exp_month: expiry ? String(Number(expiry[1])) : '',
            exp_year: expiry ? (expiry[2].length === 2 ? '20' + expiry[2] : expiry[2]) : '',
            cvc: this._cvc.value.trim()
        };
    };

    function paragraph(className, text) {
        var p = document.createElement('p');
        p.className = className;
        p.textContent = text;
        return p;
    }

    function field(box, id, label, autocomplete, inputmode, placeholder) {
        var wrap = document.createElement('div');
        wrap.className = 'stripe-stand-in-field';
        var l = document.createElement('label');
        l.htmlFor = id;
        l.textContent = label;
        var input = document.createElement('input');
        input.id = id;
        input.type = 'text';
        input.autocomplete = autocomplete;
        input.inputMode = inputmode;
        input.placeholder = placeholder;
        wrap.appendChild(l);
        wrap.appendChild(input);
        box.appendChild(wrap);
        return input;
    }

    function redirectTo(returnUrl, intent, status) {
        var url = new URL(returnUrl, window.location.href);
        url.searchParams.set('payment_intent', intent.id);
        url.searchParams.set('payment_intent_client_secret', intent.client_secret);
        url.searchParams.set('redirect_status', status);
        window.location.assign(url.toString());
        return new Promise(function () {}); // the page is leaving: Stripe's promise never settles
    }

    /**
     * Confirms the PaymentIntent named by the client secret with the Payment Element's card. Success, or a
     * 3-D Secure challenge, leaves the page (to the return URL, or the challenge first); a decline resolves {error}.
     */
    Stripe.prototype.confirmPayment = function (args) {
        var self = this;
        args = args || {};
        var elements = args.elements;
        var params = args.confirmParams || {};
        if (!elements || !(elements instanceof Elements)) {
            return Promise.reject(IntegrationError('stripe.confirmPayment(): the `elements` argument is required.'));
        }
        if (elements._stripe !== self) {
            return Promise.reject(IntegrationError('stripe.confirmPayment(): elements were created by another Stripe instance.'));
        }
        if (typeof args.clientSecret !== 'string' || args.clientSecret.indexOf('_secret_') < 0) {
            return Promise.reject(IntegrationError('stripe.confirmPayment(): the `clientSecret` argument is missing or malformed.'));
        }
        if (!params.return_url && args.redirect !== 'if_required') {
            return Promise.reject(IntegrationError("stripe.confirmPayment(): the `confirmParams.return_url` argument is required unless passing `redirect: 'if_required'`."));
        }
        if (!elements._submitted) {
            return Promise.resolve({error: {type: 'invalid_request_error',
                message: 'elements.submit() must be called before stripe.confirmPayment().'}});
        }
        var t = elements._element._text;
        var element = elements._element;
        var card = element._bank ? null : element._card();
        var intentId = args.clientSecret.substring(0, args.clientSecret.indexOf('_secret_'));
        var body = new URLSearchParams();
        body.set('key', self._key);
        if (self._account) {
            body.set('_stripe_account', self._account);
        }
        body.set('client_secret', args.clientSecret);
        // Stripe.js checks that the Payment Element was set up to save the card exactly when the intent saves it
        body.set('_setup_future_usage', elements._options.setupFutureUsage || '');
        if (params.return_url) {
            body.set('return_url', params.return_url);
        }
        if (element._bank) {
            // Stripe.js sends the bank account, the holder and the mandate the Payment Element showed (accepted online)
            body.set('payment_method_data[type]', 'us_bank_account');
            body.set('payment_method_data[us_bank_account][routing_number]', element._routing.value.replace(/[\s-]/g, ''));
            body.set('payment_method_data[us_bank_account][account_number]', element._account.value.replace(/[\s-]/g, ''));
            body.set('payment_method_data[us_bank_account][account_holder_type]', 'individual');
            body.set('payment_method_data[billing_details][name]', element._bankName.value.trim());
            body.set('payment_method_data[billing_details][email]', element._bankEmail.value.trim());
            body.set('mandate_data[customer_acceptance][type]', 'online');
            body.set('mandate_data[customer_acceptance][online][user_agent]', navigator.userAgent);
            return send();
        }
        body.set('payment_method_data[type]', 'card');
        body.set('payment_method_data[card][number]', card.number);
        body.set('payment_method_data[card][exp_month]', card.exp_month);
        body.set('payment_method_data[card][exp_year]', card.exp_year);
        body.set('payment_method_data[card][cvc]', card.cvc);
        if (card.wallet) {
            body.set('payment_method_data[card][wallet]', card.wallet);
            body.set('_wallet_domain', window.location.hostname);
        }
        return send();

        function send() {
            return fetch(API + '/v1/payment_intents/' + encodeURIComponent(intentId) + '/confirm', {method: 'POST', body: body})
            .then(function (response) {
                return response.json().then(function (json) {
                    return {ok: response.ok, json: json};
                });
            })
            .then(function (answer) {
                if (!answer.ok) {
                    var error = answer.json.error || {};
                    var code = error.decline_code || error.code;
                    if (error.type === 'card_error' && t[code]) {
                        error.message = t[code]; // Stripe.js shows the payer its message in their language
                    }
                    return {error: error};
                }
                var intent = answer.json;
                if (intent.status === 'requires_action' && intent.next_action && intent.next_action.redirect_to_url) {
                    window.location.assign(intent.next_action.redirect_to_url.url);
                    return new Promise(function () {});
                }
                if (args.redirect === 'if_required') {
                    return {paymentIntent: intent};
                }
                return redirectTo(params.return_url, intent, intent.status === 'succeeded' || intent.status === 'processing'
                    ? intent.status : 'failed');
            }, function () {
                return {error: {type: 'api_connection_error', message: t.network}};
            });
        }
    };

    window.Stripe = Stripe;
})();
