import { createRequire as __mlperfCreateRequire } from 'node:module';
import { fileURLToPath as __mlperfFileURLToPath } from 'node:url';
import { dirname as __mlperfDirname } from 'node:path';
const require = __mlperfCreateRequire(import.meta.url);
const __filename = __mlperfFileURLToPath(import.meta.url);
const __dirname = __mlperfDirname(__filename);
var __create = Object.create;
var __defProp = Object.defineProperty;
var __getOwnPropDesc = Object.getOwnPropertyDescriptor;
var __getOwnPropNames = Object.getOwnPropertyNames;
var __getProtoOf = Object.getPrototypeOf;
var __hasOwnProp = Object.prototype.hasOwnProperty;
var __require = /* @__PURE__ */ ((x) => typeof require !== "undefined" ? require : typeof Proxy !== "undefined" ? new Proxy(x, {
  get: (a, b) => (typeof require !== "undefined" ? require : a)[b]
}) : x)(function(x) {
  if (typeof require !== "undefined") return require.apply(this, arguments);
  throw Error('Dynamic require of "' + x + '" is not supported');
});
var __commonJS = (cb, mod) => function __require2() {
  try {
    return mod || (0, cb[__getOwnPropNames(cb)[0]])((mod = { exports: {} }).exports, mod), mod.exports;
  } catch (e) {
    throw mod = 0, e;
  }
};
var __copyProps = (to, from, except, desc) => {
  if (from && typeof from === "object" || typeof from === "function") {
    for (let key of __getOwnPropNames(from))
      if (!__hasOwnProp.call(to, key) && key !== except)
        __defProp(to, key, { get: () => from[key], enumerable: !(desc = __getOwnPropDesc(from, key)) || desc.enumerable });
  }
  return to;
};
var __toESM = (mod, isNodeMode, target) => (target = mod != null ? __create(__getProtoOf(mod)) : {}, __copyProps(
  // If the importer is in node compatibility mode or this is not an ESM
  // file that has been converted to a CommonJS file using a Babel-
  // compatible transform (i.e. "__esModule" has not been set), then set
  // "default" to the CommonJS "module.exports" for node compatibility.
  isNodeMode || !mod || !mod.__esModule ? __defProp(target, "default", { value: mod, enumerable: true }) : target,
  mod
));

// node_modules/fast-safe-stringify/index.js
var require_fast_safe_stringify = __commonJS({
  "node_modules/fast-safe-stringify/index.js"(exports, module) {
    module.exports = stringify;
    stringify.default = stringify;
    stringify.stable = deterministicStringify;
    stringify.stableStringify = deterministicStringify;
    var LIMIT_REPLACE_NODE = "[...]";
    var CIRCULAR_REPLACE_NODE = "[Circular]";
    var arr = [];
    var replacerStack = [];
    function defaultOptions() {
      return {
        depthLimit: Number.MAX_SAFE_INTEGER,
        edgesLimit: Number.MAX_SAFE_INTEGER
      };
    }
    function stringify(obj, replacer, spacer, options) {
      if (typeof options === "undefined") {
        options = defaultOptions();
      }
      decirc(obj, "", 0, [], void 0, 0, options);
      var res;
      try {
        if (replacerStack.length === 0) {
          res = JSON.stringify(obj, replacer, spacer);
        } else {
          res = JSON.stringify(obj, replaceGetterValues(replacer), spacer);
        }
      } catch (_) {
        return JSON.stringify("[unable to serialize, circular reference is too complex to analyze]");
      } finally {
        while (arr.length !== 0) {
          var part = arr.pop();
          if (part.length === 4) {
            Object.defineProperty(part[0], part[1], part[3]);
          } else {
            part[0][part[1]] = part[2];
          }
        }
      }
      return res;
    }
    function setReplace(replace, val, k, parent) {
      var propertyDescriptor = Object.getOwnPropertyDescriptor(parent, k);
      if (propertyDescriptor.get !== void 0) {
        if (propertyDescriptor.configurable) {
          Object.defineProperty(parent, k, { value: replace });
          arr.push([parent, k, val, propertyDescriptor]);
        } else {
          replacerStack.push([val, k, replace]);
        }
      } else {
        parent[k] = replace;
        arr.push([parent, k, val]);
      }
    }
    function decirc(val, k, edgeIndex, stack, parent, depth, options) {
      depth += 1;
      var i;
      if (typeof val === "object" && val !== null) {
        for (i = 0; i < stack.length; i++) {
          if (stack[i] === val) {
            setReplace(CIRCULAR_REPLACE_NODE, val, k, parent);
            return;
          }
        }
        if (typeof options.depthLimit !== "undefined" && depth > options.depthLimit) {
          setReplace(LIMIT_REPLACE_NODE, val, k, parent);
          return;
        }
        if (typeof options.edgesLimit !== "undefined" && edgeIndex + 1 > options.edgesLimit) {
          setReplace(LIMIT_REPLACE_NODE, val, k, parent);
          return;
        }
        stack.push(val);
        if (Array.isArray(val)) {
          for (i = 0; i < val.length; i++) {
            decirc(val[i], i, i, stack, val, depth, options);
          }
        } else {
          var keys = Object.keys(val);
          for (i = 0; i < keys.length; i++) {
            var key = keys[i];
            decirc(val[key], key, i, stack, val, depth, options);
          }
        }
        stack.pop();
      }
    }
    function compareFunction(a, b) {
      if (a < b) {
        return -1;
      }
      if (a > b) {
        return 1;
      }
      return 0;
    }
    function deterministicStringify(obj, replacer, spacer, options) {
      if (typeof options === "undefined") {
        options = defaultOptions();
      }
      var tmp = deterministicDecirc(obj, "", 0, [], void 0, 0, options) || obj;
      var res;
      try {
        if (replacerStack.length === 0) {
          res = JSON.stringify(tmp, replacer, spacer);
        } else {
          res = JSON.stringify(tmp, replaceGetterValues(replacer), spacer);
        }
      } catch (_) {
        return JSON.stringify("[unable to serialize, circular reference is too complex to analyze]");
      } finally {
        while (arr.length !== 0) {
          var part = arr.pop();
          if (part.length === 4) {
            Object.defineProperty(part[0], part[1], part[3]);
          } else {
            part[0][part[1]] = part[2];
          }
        }
      }
      return res;
    }
    function deterministicDecirc(val, k, edgeIndex, stack, parent, depth, options) {
      depth += 1;
      var i;
      if (typeof val === "object" && val !== null) {
        for (i = 0; i < stack.length; i++) {
          if (stack[i] === val) {
            setReplace(CIRCULAR_REPLACE_NODE, val, k, parent);
            return;
          }
        }
        try {
          if (typeof val.toJSON === "function") {
            return;
          }
        } catch (_) {
          return;
        }
        if (typeof options.depthLimit !== "undefined" && depth > options.depthLimit) {
          setReplace(LIMIT_REPLACE_NODE, val, k, parent);
          return;
        }
        if (typeof options.edgesLimit !== "undefined" && edgeIndex + 1 > options.edgesLimit) {
          setReplace(LIMIT_REPLACE_NODE, val, k, parent);
          return;
        }
        stack.push(val);
        if (Array.isArray(val)) {
          for (i = 0; i < val.length; i++) {
            deterministicDecirc(val[i], i, i, stack, val, depth, options);
          }
        } else {
          var tmp = {};
          var keys = Object.keys(val).sort(compareFunction);
          for (i = 0; i < keys.length; i++) {
            var key = keys[i];
            deterministicDecirc(val[key], key, i, stack, val, depth, options);
            tmp[key] = val[key];
          }
          if (typeof parent !== "undefined") {
            arr.push([parent, k, val]);
            parent[k] = tmp;
          } else {
            return tmp;
          }
        }
        stack.pop();
      }
    }
    function replaceGetterValues(replacer) {
      replacer = typeof replacer !== "undefined" ? replacer : function(k, v) {
        return v;
      };
      return function(key, val) {
        if (replacerStack.length > 0) {
          for (var i = 0; i < replacerStack.length; i++) {
            var part = replacerStack[i];
            if (part[1] === key && part[0] === val) {
              val = part[2];
              replacerStack.splice(i, 1);
              break;
            }
          }
        }
        return replacer.call(this, key, val);
      };
    }
  }
});

// node_modules/@mojaloop/sdk-standard-components/src/lib/errors/index.js
var require_errors = __commonJS({
  "node_modules/@mojaloop/sdk-standard-components/src/lib/errors/index.js"(exports, module) {
    "use strict";
    var safeStringify = require_fast_safe_stringify();
    var MojaloopApiErrorCodes = {
      //Generic communication errors
      COMMUNICATION_ERROR: { code: "1000", message: "Communication error" },
      DESTINATION_COMMUNICATION_ERROR: { code: "1001", message: "Destination communication error" },
      //Generic server errors
      SERVER_ERROR: { code: "2000", message: "Generic server error" },
      INTERNAL_SERVER_ERROR: { code: "2001", message: "Internal server error" },
      NOT_IMPLEMENTED: { code: "2002", message: "Not implemented", httpStatusCode: 501 },
      SERVICE_CURRENTLY_UNAVAILABLE: { code: "2003", message: "Service currently unavailable", httpStatusCode: 503 },
      SERVER_TIMED_OUT: { code: "2004", message: "Server timed out" },
      SERVER_BUSY: { code: "2005", message: "Server busy" },
      //Generic client errors
      METHOD_NOT_ALLOWED: { code: "3000", message: "Generic client error - Method Not Allowed", httpStatusCode: 405 },
      CLIENT_ERROR: { code: "3000", message: "Generic client error", httpStatusCode: 400 },
      UNACCEPTABLE_VERSION: { code: "3001", message: "Unacceptable version requested", httpStatusCode: 406 },
      UNKNOWN_URI: { code: "3002", message: "Unknown URI", httpStatusCode: 404 },
      ADD_PARTY_INFO_ERROR: { code: "3003", message: "Add Party information error" },
      DELETE_PARTY_INFO_ERROR: { code: "3040", message: "Delete Party information error" },
      // Error code thrown in ALS when deleting participant info fails
      //Client validation errors
      VALIDATION_ERROR: { code: "3100", message: "Generic validation error", httpStatusCode: 400 },
      MALFORMED_SYNTAX: { code: "3101", message: "Malformed syntax", httpStatusCode: 400 },
      MISSING_ELEMENT: { code: "3102", message: "Missing mandatory element", httpStatusCode: 400 },
      TOO_MANY_ELEMENTS: { code: "3103", message: "Too many elements", httpStatusCode: 400 },
      TOO_LARGE_PAYLOAD: { code: "3104", message: "Too large payload", httpStatusCode: 400 },
      INVALID_SIGNATURE: { code: "3105", message: "Invalid signature", httpStatusCode: 400 },
      MODIFIED_REQUEST: { code: "3106", message: "Modified request", httpStatusCode: 400 },
      MISSING_MANDATORY_EXTENSION: { code: "3107", message: "Missing mandatory extension parameter", httpStatusCode: 400 },
      //identifier errors
      ID_NOT_FOUND: { code: "3200", message: "Generic ID not found" },
      DESTINATION_FSP_ERROR: { code: "3201", message: "Destination FSP Error" },
      PAYER_FSP_ID_NOT_FOUND: { code: "3202", message: "Payer FSP ID not found" },
      PAYEE_FSP_ID_NOT_FOUND: { code: "3203", message: "Payee FSP ID not found" },
      PARTY_NOT_FOUND: { code: "3204", message: "Party not found" },
      QUOTE_ID_NOT_FOUND: { code: "3205", message: "Quote ID not found" },
      TXN_REQUEST_ID_NOT_FOUND: { code: "3206", message: "Transaction request ID not found" },
      TXN_ID_NOT_FOUND: { code: "3207", message: "Transaction ID not found" },
      TRANSFER_ID_NOT_FOUND: { code: "3208", message: "Transfer ID not found" },
      BULK_QUOTE_ID_NOT_FOUND: { code: "3209", message: "Bulk quote ID not found" },
      BULK_TRANSFER_ID_NOT_FOUND: { code: "3210", message: "Bulk transfer ID not found" },
      //expired errors
      EXPIRED_ERROR: { code: "3300", message: "Generic expired error" },
      TXN_REQUEST_EXPIRED: { code: "3301", message: "Transaction request expired" },
      QUOTE_EXPIRED: { code: "3302", message: "Quote expired" },
      TRANSFER_EXPIRED: { code: "3303", message: "Transfer expired" },
      //payer errors
      PAYER_ERROR: { code: "4000", message: "Generic Payer error" },
      PAYER_FSP_INSUFFICIENT_LIQUIDITY: { code: "4001", message: "Payer FSP insufficient liquidity" },
      PAYER_REJECTION: { code: "4100", message: "Generic Payer rejection" },
      PAYER_REJECTED_TXN_REQUEST: { code: "4101", message: "Payer rejected transaction request" },
      PAYER_FSP_UNSUPPORTED_TXN_TYPE: { code: "4102", message: "Payer FSP unsupported transaction type" },
      PAYER_UNSUPPORTED_CURRENCY: { code: "4103", message: "Payer unsupported currency" },
      PAYER_LIMIT_ERROR: { code: "4200", message: "Payer limit error" },
      PAYER_PERMISSION_ERROR: { code: "4300", message: "Payer permission error" },
      PAYER_BLOCKED_ERROR: { code: "4400", message: "Generic Payer blocked error" },
      //payee errors
      PAYEE_ERROR: { code: "5000", message: "Generic Payee error" },
      PAYEE_FSP_INSUFFICIENT_LIQUIDITY: { code: "5001", message: "Payee FSP insufficient liquidity" },
      PAYEE_REJECTION: { code: "5100", message: "Generic Payee rejection" },
      PAYEE_REJECTED_QUOTE: { code: "5101", message: "Payee rejected quote" },
      PAYEE_FSP_UNSUPPORTED_TXN_TYPE: { code: "5102", message: "Payee FSP unsupported transaction type" },
      PAYEE_FSP_REJECTED_QUOTE: { code: "5103", message: "Payee FSP rejected quote" },
      PAYEE_REJECTED_TXN: { code: "5104", message: "Payee rejected transaction" },
      PAYEE_FSP_REJECTED_TXN: { code: "5105", message: "Payee FSP rejected transaction" },
      PAYEE_UNSUPPORTED_CURRENCY: { code: "5106", message: "Payee unsupported currency" },
      PAYEE_LIMIT_ERROR: { code: "5200", message: "Payee limit error" },
      PAYEE_PERMISSION_ERROR: { code: "5300", message: "Payee permission error" },
      GENERIC_PAYEE_BLOCKED_ERROR: { code: "5400", message: "Generic Payee blocked error" },
      // thirdparty errors
      TP_ERROR: { code: "7000", message: "Generic Thirdparty error" },
      TP_TRANSACTION_ERROR: { code: "7100", message: "Generic Thirdparty transaction error" },
      TP_FSP_TRANSACTION_REQUEST_NOT_VALID: { code: "7101", message: "Transaction request failed DFSP validation" },
      TP_FSP_TRANSACTION_UPDATE_FAILED: { code: "7102", message: "Transaction request PUT update send to PISP failed" },
      TP_FSP_TRANSACTION_REQUEST_QUOTE_FAILED: { code: "7103", message: "Transaction request quote send to payee DFSP failed" },
      TP_FSP_TRANSACTION_REQUEST_AUTHORIZATION_FAILED: { code: "7104", message: "Transaction request for user authorization send to PISP failed" },
      TP_FSP_TRANSACTION_AUTHORIZATION_NOT_VALID: { code: "7105", message: "Authorization received from PISP failed DFSP validation" },
      TP_FSP_TRANSACTION_AUTHORIZATION_REJECTED_BY_USER: { code: "7106", message: "DFSP received reject by user authorization, so transaction cancelled" },
      TP_FSP_TRANSACTION_AUTHORIZATION_UNEXPECTED: { code: "7107", message: "DFSP received unexpected authorization responseType" },
      TP_FSP_TRANSACTION_TRANSFER_FAILED: { code: "7108", message: "Transaction request transfer failed" },
      TP_FSP_TRANSACTION_NOTIFICATION_FAILED: { code: "7109", message: "Transaction request notification failed" },
      TP_ACCOUNT_LINKING_ERROR: { code: "7200", message: "Generic Thirdparty account linking error" },
      TP_NO_SERVICE_PROVIDERS_FOUND: { code: "7201", message: "No thirdparty enabled FSP found" },
      TP_NO_ACCOUNTS_FOUND: { code: "7202", message: "No accounts found for generic ID" },
      TP_NO_SUPPORTED_AUTH_CHANNELS: { code: "7203", message: "FSP does not support any requested authentication channels" },
      TP_NO_SUPPORTED_SCOPE_ACTIONS: { code: "7204", message: "FSP does not support any requested scope actions" },
      TP_OTP_VALIDATION_ERROR: { code: "7205", message: "OTP failed validation" },
      TP_FSP_OTP_VALIDATION_ERROR: { code: "7206", message: "FSP failed to validate OTP" },
      TP_FSP_CONSENT_SCOPES_ERROR: { code: "7207", message: "FSP failed retrieve scopes for consent request" },
      TP_CONSENT_REQ_VALIDATION_ERROR: { code: "7208", message: "FSP failed to validate consent request" },
      TP_FSP_CONSENT_REQ_NO_SCOPES: { code: "7209", message: "FSP does not find scopes suitable" },
      TP_NO_TRUSTED_CALLBACK_URI: { code: "7210", message: "FSP does not trust PISP callback URI" },
      TP_CONSENT_REQ_USER_NOT_ALLOWED: { code: "7211", message: "FSP does not allow consent requests for specified username" },
      TP_SIGNED_CHALLENGE_MISMATCH: { code: "7212", message: "Signed challenge does not match derived challenge" },
      TP_CONSENT_INVALID: { code: "7213", message: "Consent is invalid" },
      TP_FAILED_REG_ACCOUNT_LINKS: { code: "7214", message: "Failed to register account links with oracle" },
      TP_AUTH_SERVICE_ERROR: { code: "7300", message: "Generic Thirdparty auth service error" }
    };
    function MojaloopApiErrorCodeFromCode(code) {
      let ec = Object.keys(MojaloopApiErrorCodes).find((ec2) => {
        return MojaloopApiErrorCodes[ec2].code === code;
      });
      if (ec) {
        return MojaloopApiErrorCodes[ec];
      }
      return void 0;
    }
    function MojaloopApiErrorObjectFromCode(ec) {
      return {
        errorInformation: {
          errorCode: ec.code,
          errorDescription: ec.message
        }
      };
    }
    var MojaloopFSPIOPError = class extends Error {
      /**
       * Constructs a new error object
       *
       * @param cause {object} - Underlying error object or any type that represents the cause of this error
       * @param message {string} - A friendly error message
       * @param replyTo {string} - FSPID of the participant to whom this error is addressed
       * @param apiErrorCode {object} - The MojaloopApiErrorCodes object representing the API spec error
       * @param extensions {object} - API spec extensions object (if applicable)
       */
      constructor(cause, message, replyTo, apiErrorCode, extensions) {
        super(message);
        this.name = "FSPIOPError";
        this.cause = cause;
        this.replyTo = replyTo;
        this.apiErrorCode = apiErrorCode;
        this.httpStatusCode = apiErrorCode.httpStatusCode;
        this.extensions = extensions;
      }
      /**
       * Returns an object that complies with the API specification for error bodies.
       * This can be used to serialise the error to a JSON body
       *
       * @returns {object}
       */
      toApiErrorObject() {
        const e = MojaloopApiErrorObjectFromCode(this.apiErrorCode);
        if (this.extensions) {
          e.errorInformation.extensionList = this.extensions;
        }
        return e;
      }
      /**
       * Returns an object containing all details of the error e.g. for logging
       *
       * @returns {object}
       */
      toFullErrorObject() {
        return {
          message: this.message,
          replyTo: this.replyTo,
          apiErrorCode: this.apiErrorCode,
          extensions: this.extensions,
          cause: this.cause ? this.cause.stack || safeStringify(this.cause) : void 0
        };
      }
      /**
       * Returns a string representation of the error
       *
       * @returns {string}
       */
      toString() {
        return `${safeStringify(this.toFullErrorObject())}`;
      }
    };
    module.exports = {
      MojaloopApiErrorCodes,
      MojaloopApiErrorObjectFromCode,
      MojaloopFSPIOPError,
      MojaloopApiErrorCodeFromCode
    };
  }
});

// node_modules/base64url/dist/pad-string.js
var require_pad_string = __commonJS({
  "node_modules/base64url/dist/pad-string.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    function padString(input) {
      var segmentLength = 4;
      var stringLength = input.length;
      var diff = stringLength % segmentLength;
      if (!diff) {
        return input;
      }
      var position = stringLength;
      var padLength = segmentLength - diff;
      var paddedStringLength = stringLength + padLength;
      var buffer = Buffer.alloc(paddedStringLength);
      buffer.write(input);
      while (padLength--) {
        buffer.write("=", position++);
      }
      return buffer.toString();
    }
    exports.default = padString;
  }
});

// node_modules/base64url/dist/base64url.js
var require_base64url = __commonJS({
  "node_modules/base64url/dist/base64url.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    var pad_string_1 = require_pad_string();
    function encode(input, encoding) {
      if (encoding === void 0) {
        encoding = "utf8";
      }
      if (Buffer.isBuffer(input)) {
        return fromBase64(input.toString("base64"));
      }
      return fromBase64(Buffer.from(input, encoding).toString("base64"));
    }
    function decode(base64url2, encoding) {
      if (encoding === void 0) {
        encoding = "utf8";
      }
      return Buffer.from(toBase64(base64url2), "base64").toString(encoding);
    }
    function toBase64(base64url2) {
      base64url2 = base64url2.toString();
      return pad_string_1.default(base64url2).replace(/\-/g, "+").replace(/_/g, "/");
    }
    function fromBase64(base64) {
      return base64.replace(/=/g, "").replace(/\+/g, "-").replace(/\//g, "_");
    }
    function toBuffer(base64url2) {
      return Buffer.from(toBase64(base64url2), "base64");
    }
    var base64url = encode;
    base64url.encode = encode;
    base64url.decode = decode;
    base64url.toBase64 = toBase64;
    base64url.fromBase64 = fromBase64;
    base64url.toBuffer = toBuffer;
    exports.default = base64url;
  }
});

// node_modules/base64url/index.js
var require_base64url2 = __commonJS({
  "node_modules/base64url/index.js"(exports, module) {
    module.exports = require_base64url().default;
    module.exports.default = module.exports;
  }
});

// node_modules/oer-utils/dist/src/errors/base-error.js
var require_base_error = __commonJS({
  "node_modules/oer-utils/dist/src/errors/base-error.js"(exports) {
    "use strict";
    var __extends = exports && exports.__extends || (function() {
      var extendStatics = Object.setPrototypeOf || { __proto__: [] } instanceof Array && function(d, b) {
        d.__proto__ = b;
      } || function(d, b) {
        for (var p in b) if (b.hasOwnProperty(p)) d[p] = b[p];
      };
      return function(d, b) {
        extendStatics(d, b);
        function __() {
          this.constructor = d;
        }
        d.prototype = b === null ? Object.create(b) : (__.prototype = b.prototype, new __());
      };
    })();
    Object.defineProperty(exports, "__esModule", { value: true });
    var BaseError = (function(_super) {
      __extends(BaseError2, _super);
      function BaseError2(message) {
        if (message === void 0) {
          message = "";
        }
        var _this = _super.call(this) || this;
        Object.defineProperty(_this, "message", {
          configurable: true,
          enumerable: false,
          value: message
        });
        Object.defineProperty(_this, "name", {
          configurable: true,
          enumerable: false,
          value: _this.constructor.name
        });
        if (Error.captureStackTrace) {
          Error.captureStackTrace(_this, _this.constructor);
        }
        return _this;
      }
      return BaseError2;
    })(Error);
    exports.default = BaseError;
  }
});

// node_modules/oer-utils/dist/src/errors/underflow-error.js
var require_underflow_error = __commonJS({
  "node_modules/oer-utils/dist/src/errors/underflow-error.js"(exports) {
    "use strict";
    var __extends = exports && exports.__extends || (function() {
      var extendStatics = Object.setPrototypeOf || { __proto__: [] } instanceof Array && function(d, b) {
        d.__proto__ = b;
      } || function(d, b) {
        for (var p in b) if (b.hasOwnProperty(p)) d[p] = b[p];
      };
      return function(d, b) {
        extendStatics(d, b);
        function __() {
          this.constructor = d;
        }
        d.prototype = b === null ? Object.create(b) : (__.prototype = b.prototype, new __());
      };
    })();
    Object.defineProperty(exports, "__esModule", { value: true });
    var base_error_1 = require_base_error();
    var UnderflowError = (function(_super) {
      __extends(UnderflowError2, _super);
      function UnderflowError2() {
        return _super !== null && _super.apply(this, arguments) || this;
      }
      return UnderflowError2;
    })(base_error_1.default);
    exports.default = UnderflowError;
  }
});

// node_modules/oer-utils/dist/src/errors/parse-error.js
var require_parse_error = __commonJS({
  "node_modules/oer-utils/dist/src/errors/parse-error.js"(exports) {
    "use strict";
    var __extends = exports && exports.__extends || (function() {
      var extendStatics = Object.setPrototypeOf || { __proto__: [] } instanceof Array && function(d, b) {
        d.__proto__ = b;
      } || function(d, b) {
        for (var p in b) if (b.hasOwnProperty(p)) d[p] = b[p];
      };
      return function(d, b) {
        extendStatics(d, b);
        function __() {
          this.constructor = d;
        }
        d.prototype = b === null ? Object.create(b) : (__.prototype = b.prototype, new __());
      };
    })();
    Object.defineProperty(exports, "__esModule", { value: true });
    var base_error_1 = require_base_error();
    var ParseError = (function(_super) {
      __extends(ParseError2, _super);
      function ParseError2() {
        return _super !== null && _super.apply(this, arguments) || this;
      }
      return ParseError2;
    })(base_error_1.default);
    exports.default = ParseError;
  }
});

// node_modules/oer-utils/dist/src/lib/reader.js
var require_reader = __commonJS({
  "node_modules/oer-utils/dist/src/lib/reader.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    var underflow_error_1 = require_underflow_error();
    var parse_error_1 = require_parse_error();
    var Reader = (function() {
      function Reader2(buffer) {
        this.buffer = buffer;
        this.cursor = 0;
        this.bookmarks = [];
      }
      Reader2.from = function(source) {
        if (Buffer.isBuffer(source)) {
          return new Reader2(source);
        } else if (source instanceof Reader2) {
          return new Reader2(source.buffer.slice(source.cursor));
        } else {
          throw new Error("Reader must be given a Buffer");
        }
      };
      Reader2.prototype.bookmark = function() {
        this.bookmarks.push(this.cursor);
      };
      Reader2.prototype.restore = function() {
        if (!this.bookmarks.length) {
          throw new Error("Cannot restore bookmark when no bookmark set");
        }
        this.cursor = this.bookmarks.pop();
      };
      Reader2.prototype.ensureAvailable = function(bytes) {
        if (this.buffer.length < this.cursor + bytes) {
          throw new underflow_error_1.default("Tried to read " + bytes + " bytes, but only " + (this.buffer.length - this.cursor) + " bytes available");
        }
      };
      Reader2.prototype.readUInt = function(length) {
        var value = this.peekUInt(length);
        this.cursor += length;
        return value;
      };
      Reader2.prototype.peekUInt = function(length) {
        if (length === 0) {
          return 0;
        }
        if (length < 0) {
          throw new Error("Tried to read integer with negative length (provided: " + length + ")");
        }
        if (length > Reader2.MAX_INT_BYTES) {
          throw new Error("Tried to read too large integer (requested: " + length + ", max: " + Reader2.MAX_INT_BYTES + ")");
        }
        this.ensureAvailable(length);
        var value = this.buffer.readUIntBE(this.cursor, length);
        return value;
      };
      Reader2.prototype.skipUInt = function(length) {
        this.skip(length);
      };
      Reader2.prototype.readInt = function(length) {
        var value = this.peekInt(length);
        this.cursor += length;
        return value;
      };
      Reader2.prototype.peekInt = function(length) {
        if (length === 0) {
          return 0;
        }
        if (length < 0) {
          throw new Error("Tried to read integer with negative length (provided: " + length + ")");
        }
        if (length > Reader2.MAX_INT_BYTES) {
          throw new Error("Tried to read too large integer (requested: " + length + ", max: " + Reader2.MAX_INT_BYTES + ")");
        }
        this.ensureAvailable(length);
        var value = this.buffer.readIntBE(this.cursor, length);
        return value;
      };
      Reader2.prototype.skipInt = function(length) {
        this.skip(length);
      };
      Reader2.prototype.readUInt64 = function() {
        return [this.readUInt32(), this.readUInt32()];
      };
      Reader2.prototype.peekUInt64 = function() {
        this.bookmark();
        var value = this.readUInt64();
        this.restore();
        return value;
      };
      Reader2.prototype.skipUInt64 = function() {
        this.skip(8);
      };
      Reader2.prototype.readVarUInt = function() {
        var buffer = this.readVarOctetString();
        if (buffer.length > Reader2.MAX_INT_BYTES) {
          throw new parse_error_1.default("UInt of length " + buffer.length + " too large to parse as integer (max: " + Reader2.MAX_INT_BYTES + ")");
        }
        if (buffer.length === 0) {
          throw new parse_error_1.default("UInt of length 0 is invalid");
        }
        return buffer.readUIntBE(0, buffer.length);
      };
      Reader2.prototype.peekVarUInt = function() {
        this.bookmark();
        var value = this.readVarUInt();
        this.restore();
        return value;
      };
      Reader2.prototype.skipVarUInt = function() {
        this.skipVarOctetString();
      };
      Reader2.prototype.readVarInt = function() {
        var buffer = this.readVarOctetString();
        if (buffer.length > Reader2.MAX_INT_BYTES) {
          throw new parse_error_1.default("Int of length " + buffer.length + " too large to parse as integer (max: " + Reader2.MAX_INT_BYTES + ")");
        }
        if (buffer.length === 0) {
          throw new parse_error_1.default("Int of length 0 is invalid");
        }
        return buffer.readIntBE(0, buffer.length);
      };
      Reader2.prototype.peekVarInt = function() {
        this.bookmark();
        var value = this.readVarInt();
        this.restore();
        return value;
      };
      Reader2.prototype.skipVarInt = function() {
        this.skipVarOctetString();
      };
      Reader2.prototype.readOctetString = function(length) {
        return this.read(length);
      };
      Reader2.prototype.peekOctetString = function(length) {
        return this.peek(length);
      };
      Reader2.prototype.skipOctetString = function(length) {
        return this.skip(length);
      };
      Reader2.prototype.readLengthPrefix = function() {
        var length = this.readUInt8();
        if (length & Reader2.HIGH_BIT) {
          var lengthPrefixLength = length & Reader2.LOWER_SEVEN_BITS;
          var actualLength = this.readUInt(lengthPrefixLength);
          var minLength = Math.max(128, 1 << (lengthPrefixLength - 1) * 8);
          if (actualLength < minLength) {
            throw new parse_error_1.default("Length prefix encoding is not canonical: " + actualLength + " encoded in " + lengthPrefixLength + " bytes");
          }
          return actualLength;
        }
        return length;
      };
      Reader2.prototype.readVarOctetString = function() {
        var length = this.readLengthPrefix();
        return this.read(length);
      };
      Reader2.prototype.peekVarOctetString = function() {
        this.bookmark();
        var value = this.readVarOctetString();
        this.restore();
        return value;
      };
      Reader2.prototype.skipVarOctetString = function() {
        var length = this.readLengthPrefix();
        return this.skip(length);
      };
      Reader2.prototype.read = function(bytes) {
        this.ensureAvailable(bytes);
        var value = this.buffer.slice(this.cursor, this.cursor + bytes);
        this.cursor += bytes;
        return value;
      };
      Reader2.prototype.peek = function(bytes) {
        this.ensureAvailable(bytes);
        return this.buffer.slice(this.cursor, this.cursor + bytes);
      };
      Reader2.prototype.skip = function(bytes) {
        this.ensureAvailable(bytes);
        this.cursor += bytes;
      };
      Reader2.HIGH_BIT = 128;
      Reader2.LOWER_SEVEN_BITS = 127;
      Reader2.MAX_INT_BYTES = 6;
      return Reader2;
    })();
    ["read", "peek", "skip"].forEach(function(verb) {
      [1, 2, 4].forEach(function(bytes) {
        Reader.prototype[verb + "UInt" + bytes * 8] = function() {
          return this[verb + "UInt"](bytes);
        };
        Reader.prototype[verb + "Int" + bytes * 8] = function() {
          return this[verb + "Int"](bytes);
        };
      });
    });
    exports.default = Reader;
  }
});

// node_modules/oer-utils/dist/src/lib/util.js
var require_util = __commonJS({
  "node_modules/oer-utils/dist/src/lib/util.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    function isInteger(value) {
      return typeof value !== "object" && typeof value !== "function" && isFinite(value) && Math.floor(value) === value;
    }
    exports.isInteger = isInteger;
  }
});

// node_modules/oer-utils/dist/src/lib/writer.js
var require_writer = __commonJS({
  "node_modules/oer-utils/dist/src/lib/writer.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    var util_1 = require_util();
    var Writer = (function() {
      function Writer2() {
        this.components = [];
      }
      Writer2.prototype.writeUInt = function(value, length) {
        if (!util_1.isInteger(value)) {
          throw new Error("UInt must be an integer");
        } else if (value < 0) {
          throw new Error("UInt must be positive");
        } else if (length <= 0) {
          throw new Error("UInt length must be greater than zero");
        } else if (value > Writer2.MAX_SAFE_INTEGER) {
          throw new Error("UInt is larger than safe JavaScript range");
        } else if (value > Writer2.UINT_RANGES[length]) {
          throw new Error("UInt " + value + " does not fit in " + length + " bytes");
        }
        var buffer = new Buffer(length);
        buffer.writeUIntBE(value, 0, length);
        this.write(buffer);
      };
      Writer2.prototype.writeInt = function(value, length) {
        if (!util_1.isInteger(value)) {
          throw new Error("Int must be an integer");
        } else if (length <= 0) {
          throw new Error("Int length must be greater than zero");
        } else if (value > Writer2.MAX_SAFE_INTEGER) {
          throw new Error("Int is larger than safe JavaScript range");
        } else if (value < Writer2.MIN_SAFE_INTEGER) {
          throw new Error("Int is smaller than safe JavaScript range");
        } else if (value < Writer2.INT_RANGES[length][0]) {
          throw new Error("Int " + value + " does not fit in " + length + " bytes");
        } else if (value > Writer2.INT_RANGES[length][1]) {
          throw new Error("Int " + value + " does not fit in " + length + " bytes");
        }
        var buffer = new Buffer(length);
        buffer.writeIntBE(value, 0, length);
        this.write(buffer);
      };
      Writer2.prototype.writeVarUInt = function(value) {
        if (Buffer.isBuffer(value)) {
          this.writeVarOctetString(value);
          return;
        } else if (!util_1.isInteger(value)) {
          throw new Error("UInt must be an integer");
        } else if (value < 0) {
          throw new Error("UInt must be positive");
        } else if (value > Writer2.MAX_SAFE_INTEGER) {
          throw new Error("UInt is larger than safe JavaScript range");
        }
        var lengthOfValue = Math.ceil(value.toString(2).length / 8);
        var buffer = new Buffer(lengthOfValue);
        buffer.writeUIntBE(value, 0, lengthOfValue);
        this.writeVarOctetString(buffer);
      };
      Writer2.prototype.writeVarInt = function(value) {
        if (Buffer.isBuffer(value)) {
          this.writeVarOctetString(value);
          return;
        } else if (!util_1.isInteger(value)) {
          throw new Error("Int must be an integer");
        } else if (value > Writer2.MAX_SAFE_INTEGER) {
          throw new Error("Int is larger than safe JavaScript range");
        } else if (value < Writer2.MIN_SAFE_INTEGER) {
          throw new Error("Int is smaller than safe JavaScript range");
        }
        var lengthDeterminingValue = value < 0 ? 1 - value : value;
        var lengthOfValue = Math.ceil((lengthDeterminingValue.toString(2).length + 1) / 8);
        var buffer = new Buffer(lengthOfValue);
        buffer.writeIntBE(value, 0, lengthOfValue);
        this.writeVarOctetString(buffer);
      };
      Writer2.prototype.writeUInt64 = function(value) {
        if (typeof value === "number" && util_1.isInteger(value) && value <= Writer2.MAX_SAFE_INTEGER) {
          this.writeUInt32(Math.floor(value / 4294967296));
          this.writeUInt32(value & 4294967295);
          return;
        } else if (!Array.isArray(value) || value.length !== 2 || !util_1.isInteger(value[0]) || !util_1.isInteger(value[1])) {
          throw new TypeError("Expected 64-bit integer as an array of two 32-bit words");
        }
        this.writeUInt32(value[0]);
        this.writeUInt32(value[1]);
      };
      Writer2.prototype.writeOctetString = function(buffer, length) {
        if (buffer.length !== length) {
          throw new Error("Incorrect length for octet string (actual: " + buffer.length + ", expected: " + length + ")");
        }
        this.write(buffer);
      };
      Writer2.prototype.writeVarOctetString = function(buffer) {
        if (!Buffer.isBuffer(buffer)) {
          throw new TypeError("Expects a buffer");
        }
        var MSB = 128;
        if (buffer.length <= 127) {
          this.writeUInt8(buffer.length);
        } else {
          var lengthOfLength = Math.ceil(buffer.length.toString(2).length / 8);
          this.writeUInt8(MSB | lengthOfLength);
          this.writeUInt(buffer.length, lengthOfLength);
        }
        this.write(buffer);
      };
      Writer2.prototype.write = function(buffer) {
        this.components.push(buffer);
      };
      Writer2.prototype.getBuffer = function() {
        return Buffer.concat(this.components);
      };
      Writer2.MAX_SAFE_INTEGER = 9007199254740991;
      Writer2.MIN_SAFE_INTEGER = -9007199254740991;
      Writer2.UINT_RANGES = {
        1: 255,
        2: 65535,
        3: 16777215,
        4: 4294967295,
        5: 1099511627775,
        6: 281474976710655
      };
      Writer2.INT_RANGES = {
        1: [-128, 127],
        2: [-32768, 32767],
        3: [-8388608, 8388607],
        4: [-2147483648, 2147483647],
        5: [-549755813888, 549755813887],
        6: [-140737488355328, 140737488355327]
      };
      return Writer2;
    })();
    [1, 2, 4].forEach(function(bytes) {
      Writer.prototype["writeUInt" + bytes * 8] = function(value) {
        this.writeUInt(value, bytes);
      };
      Writer.prototype["writeInt" + bytes * 8] = function(value) {
        this.writeInt(value, bytes);
      };
    });
    exports.default = Writer;
  }
});

// node_modules/oer-utils/dist/src/lib/predictor.js
var require_predictor = __commonJS({
  "node_modules/oer-utils/dist/src/lib/predictor.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    var util_1 = require_util();
    var Predictor = (function() {
      function Predictor2() {
        this.size = 0;
      }
      Predictor2.prototype.writeUInt = function(value, length) {
        this.size += length;
      };
      Predictor2.prototype.writeVarUInt = function(value) {
        if (Buffer.isBuffer(value)) {
          this.writeVarOctetString(value);
          return;
        } else if (!util_1.isInteger(value)) {
          throw new Error("UInt must be an integer");
        } else if (value < 0) {
          throw new Error("UInt must be positive");
        }
        var length = Math.ceil(value.toString(2).length / 8);
        this.skipVarOctetString(length);
      };
      Predictor2.prototype.writeOctetString = function(buffer, length) {
        this.skip(length);
      };
      Predictor2.prototype.writeVarOctetString = function(buffer) {
        this.skipVarOctetString(buffer.length);
      };
      Predictor2.prototype.write = function(bytes) {
        this.size += bytes.length;
      };
      Predictor2.prototype.skip = function(bytes) {
        this.size += bytes;
      };
      Predictor2.prototype.getSize = function() {
        return this.size;
      };
      Predictor2.prototype.skipVarOctetString = function(length) {
        this.skip(1);
        if (length > 127) {
          var lengthOfLength = Math.ceil(length.toString(2).length / 8);
          this.skip(lengthOfLength);
        }
        this.skip(length);
      };
      return Predictor2;
    })();
    [1, 2, 4, 8].forEach(function(bytes) {
      Predictor.prototype["writeUInt" + bytes * 8] = function(value) {
        return this.writeUInt(value, bytes);
      };
    });
    exports.default = Predictor;
  }
});

// node_modules/oer-utils/dist/src/index.js
var require_src = __commonJS({
  "node_modules/oer-utils/dist/src/index.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    var reader_1 = require_reader();
    exports.Reader = reader_1.default;
    var writer_1 = require_writer();
    exports.Writer = writer_1.default;
    var predictor_1 = require_predictor();
    exports.Predictor = predictor_1.default;
  }
});

// node_modules/ilp-packet/dist/src/utils/date.js
var require_date = __commonJS({
  "node_modules/ilp-packet/dist/src/utils/date.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    function pad(n) {
      return n < 10 ? "0" + n : String(n);
    }
    exports.dateToInterledgerTime = (date) => {
      return date.getUTCFullYear() + pad(date.getUTCMonth() + 1) + pad(date.getUTCDate()) + pad(date.getUTCHours()) + pad(date.getUTCMinutes()) + pad(date.getUTCSeconds()) + (date.getUTCMilliseconds() / 1e3).toFixed(3).slice(2, 5);
    };
    exports.INTERLEDGER_TIME_LENGTH = 17;
    exports.INTERLEDGER_TIME_REGEX = /^([0-9]{4})([0-9]{2})([0-9]{2})([0-9]{2})([0-9]{2})([0-9]{2})([0-9]{3})$/;
    exports.interledgerTimeToDate = (interledgerTime) => {
      const isoTimestamp = interledgerTime.replace(exports.INTERLEDGER_TIME_REGEX, "$1-$2-$3T$4:$5:$6.$7Z");
      const date = new Date(isoTimestamp);
      if (!date.valueOf()) {
        throw new Error("invalid date");
      }
      return date;
    };
    exports.dateToGeneralizedTime = (date) => {
      return date.toISOString().replace(/[\-T:]/g, "");
    };
    exports.GENERALIZED_TIME_REGEX = /^([0-9]{4})([0-9]{2})([0-9]{2})([0-9]{2})([0-9]{2})([0-9]{2}\.[0-9]{3}Z)$/;
    exports.generalizedTimeToDate = (generalizedTime) => {
      const isoTimestamp = generalizedTime.replace(exports.GENERALIZED_TIME_REGEX, "$1-$2-$3T$4:$5:$6");
      const date = new Date(isoTimestamp);
      if (!date.valueOf()) {
        throw new Error("invalid date");
      }
      return date;
    };
  }
});

// node_modules/bignumber.js/bignumber.js
var require_bignumber = __commonJS({
  "node_modules/bignumber.js/bignumber.js"(exports, module) {
    (function(globalObj) {
      "use strict";
      var BigNumber, isNumeric = /^-?(\d+(\.\d*)?|\.\d+)(e[+-]?\d+)?$/i, mathceil = Math.ceil, mathfloor = Math.floor, notBool = " not a boolean or binary digit", roundingMode = "rounding mode", tooManyDigits = "number type has more than 15 significant digits", ALPHABET = "0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ$_", BASE = 1e14, LOG_BASE = 14, MAX_SAFE_INTEGER = 9007199254740991, POWS_TEN = [1, 10, 100, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13], SQRT_BASE = 1e7, MAX = 1e9;
      function constructorFactory(config) {
        var div, parseNumeric, id = 0, P = BigNumber2.prototype, ONE = new BigNumber2(1), DECIMAL_PLACES = 20, ROUNDING_MODE = 4, TO_EXP_NEG = -7, TO_EXP_POS = 21, MIN_EXP = -1e7, MAX_EXP = 1e7, ERRORS = true, isValidInt = intValidatorWithErrors, CRYPTO = false, MODULO_MODE = 1, POW_PRECISION = 0, FORMAT = {
          decimalSeparator: ".",
          groupSeparator: ",",
          groupSize: 3,
          secondaryGroupSize: 0,
          fractionGroupSeparator: " ",
          // non-breaking space
          fractionGroupSize: 0
        };
        function BigNumber2(n, b) {
          var c, e, i, num, len, str, x = this;
          if (!(x instanceof BigNumber2)) {
            return new BigNumber2(n, b);
          }
          if (b == null || !isValidInt(b, 2, 64, id, "base")) {
            if (n instanceof BigNumber2) {
              x.s = n.s;
              x.e = n.e;
              x.c = (n = n.c) ? n.slice() : n;
              id = 0;
              return;
            }
            if ((num = typeof n == "number") && n * 0 == 0) {
              x.s = 1 / n < 0 ? (n = -n, -1) : 1;
              if (n === ~~n) {
                for (e = 0, i = n; i >= 10; i /= 10, e++) ;
                x.e = e;
                x.c = [n];
                id = 0;
                return;
              }
              str = n + "";
            } else {
              if (!isNumeric.test(str = n + "")) return parseNumeric(x, str, num);
              x.s = str.charCodeAt(0) === 45 ? (str = str.slice(1), -1) : 1;
            }
          } else {
            b = b | 0;
            str = n + "";
            if (b == 10) {
              x = new BigNumber2(n instanceof BigNumber2 ? n : str);
              return round(x, DECIMAL_PLACES + x.e + 1, ROUNDING_MODE);
            }
            if ((num = typeof n == "number") && n * 0 != 0 || !new RegExp("^-?" + (c = "[" + ALPHABET.slice(0, b) + "]+") + "(?:\\." + c + ")?$", b < 37 ? "i" : "").test(str)) {
              return parseNumeric(x, str, num, b);
            }
            if (num) {
              x.s = 1 / n < 0 ? (str = str.slice(1), -1) : 1;
              if (ERRORS && str.replace(/^0\.0*|\./, "").length > 15) {
                raise(id, tooManyDigits, n);
              }
              num = false;
            } else {
              x.s = str.charCodeAt(0) === 45 ? (str = str.slice(1), -1) : 1;
            }
            str = convertBase(str, 10, b, x.s);
          }
          if ((e = str.indexOf(".")) > -1) str = str.replace(".", "");
          if ((i = str.search(/e/i)) > 0) {
            if (e < 0) e = i;
            e += +str.slice(i + 1);
            str = str.substring(0, i);
          } else if (e < 0) {
            e = str.length;
          }
          for (i = 0; str.charCodeAt(i) === 48; i++) ;
          for (len = str.length; str.charCodeAt(--len) === 48; ) ;
          str = str.slice(i, len + 1);
          if (str) {
            len = str.length;
            if (num && ERRORS && len > 15 && (n > MAX_SAFE_INTEGER || n !== mathfloor(n))) {
              raise(id, tooManyDigits, x.s * n);
            }
            e = e - i - 1;
            if (e > MAX_EXP) {
              x.c = x.e = null;
            } else if (e < MIN_EXP) {
              x.c = [x.e = 0];
            } else {
              x.e = e;
              x.c = [];
              i = (e + 1) % LOG_BASE;
              if (e < 0) i += LOG_BASE;
              if (i < len) {
                if (i) x.c.push(+str.slice(0, i));
                for (len -= LOG_BASE; i < len; ) {
                  x.c.push(+str.slice(i, i += LOG_BASE));
                }
                str = str.slice(i);
                i = LOG_BASE - str.length;
              } else {
                i -= len;
              }
              for (; i--; str += "0") ;
              x.c.push(+str);
            }
          } else {
            x.c = [x.e = 0];
          }
          id = 0;
        }
        BigNumber2.another = constructorFactory;
        BigNumber2.ROUND_UP = 0;
        BigNumber2.ROUND_DOWN = 1;
        BigNumber2.ROUND_CEIL = 2;
        BigNumber2.ROUND_FLOOR = 3;
        BigNumber2.ROUND_HALF_UP = 4;
        BigNumber2.ROUND_HALF_DOWN = 5;
        BigNumber2.ROUND_HALF_EVEN = 6;
        BigNumber2.ROUND_HALF_CEIL = 7;
        BigNumber2.ROUND_HALF_FLOOR = 8;
        BigNumber2.EUCLID = 9;
        BigNumber2.config = BigNumber2.set = function() {
          var v, p, i = 0, r = {}, a = arguments, o = a[0], has = o && typeof o == "object" ? function() {
            if (o.hasOwnProperty(p)) return (v = o[p]) != null;
          } : function() {
            if (a.length > i) return (v = a[i++]) != null;
          };
          if (has(p = "DECIMAL_PLACES") && isValidInt(v, 0, MAX, 2, p)) {
            DECIMAL_PLACES = v | 0;
          }
          r[p] = DECIMAL_PLACES;
          if (has(p = "ROUNDING_MODE") && isValidInt(v, 0, 8, 2, p)) {
            ROUNDING_MODE = v | 0;
          }
          r[p] = ROUNDING_MODE;
          if (has(p = "EXPONENTIAL_AT")) {
            if (isArray(v)) {
              if (isValidInt(v[0], -MAX, 0, 2, p) && isValidInt(v[1], 0, MAX, 2, p)) {
                TO_EXP_NEG = v[0] | 0;
                TO_EXP_POS = v[1] | 0;
              }
            } else if (isValidInt(v, -MAX, MAX, 2, p)) {
              TO_EXP_NEG = -(TO_EXP_POS = (v < 0 ? -v : v) | 0);
            }
          }
          r[p] = [TO_EXP_NEG, TO_EXP_POS];
          if (has(p = "RANGE")) {
            if (isArray(v)) {
              if (isValidInt(v[0], -MAX, -1, 2, p) && isValidInt(v[1], 1, MAX, 2, p)) {
                MIN_EXP = v[0] | 0;
                MAX_EXP = v[1] | 0;
              }
            } else if (isValidInt(v, -MAX, MAX, 2, p)) {
              if (v | 0) MIN_EXP = -(MAX_EXP = (v < 0 ? -v : v) | 0);
              else if (ERRORS) raise(2, p + " cannot be zero", v);
            }
          }
          r[p] = [MIN_EXP, MAX_EXP];
          if (has(p = "ERRORS")) {
            if (v === !!v || v === 1 || v === 0) {
              id = 0;
              isValidInt = (ERRORS = !!v) ? intValidatorWithErrors : intValidatorNoErrors;
            } else if (ERRORS) {
              raise(2, p + notBool, v);
            }
          }
          r[p] = ERRORS;
          if (has(p = "CRYPTO")) {
            if (v === true || v === false || v === 1 || v === 0) {
              if (v) {
                v = typeof crypto == "undefined";
                if (!v && crypto && (crypto.getRandomValues || crypto.randomBytes)) {
                  CRYPTO = true;
                } else if (ERRORS) {
                  raise(2, "crypto unavailable", v ? void 0 : crypto);
                } else {
                  CRYPTO = false;
                }
              } else {
                CRYPTO = false;
              }
            } else if (ERRORS) {
              raise(2, p + notBool, v);
            }
          }
          r[p] = CRYPTO;
          if (has(p = "MODULO_MODE") && isValidInt(v, 0, 9, 2, p)) {
            MODULO_MODE = v | 0;
          }
          r[p] = MODULO_MODE;
          if (has(p = "POW_PRECISION") && isValidInt(v, 0, MAX, 2, p)) {
            POW_PRECISION = v | 0;
          }
          r[p] = POW_PRECISION;
          if (has(p = "FORMAT")) {
            if (typeof v == "object") {
              FORMAT = v;
            } else if (ERRORS) {
              raise(2, p + " not an object", v);
            }
          }
          r[p] = FORMAT;
          return r;
        };
        BigNumber2.max = function() {
          return maxOrMin(arguments, P.lt);
        };
        BigNumber2.min = function() {
          return maxOrMin(arguments, P.gt);
        };
        BigNumber2.random = (function() {
          var pow2_53 = 9007199254740992;
          var random53bitInt = Math.random() * pow2_53 & 2097151 ? function() {
            return mathfloor(Math.random() * pow2_53);
          } : function() {
            return (Math.random() * 1073741824 | 0) * 8388608 + (Math.random() * 8388608 | 0);
          };
          return function(dp) {
            var a, b, e, k, v, i = 0, c = [], rand = new BigNumber2(ONE);
            dp = dp == null || !isValidInt(dp, 0, MAX, 14) ? DECIMAL_PLACES : dp | 0;
            k = mathceil(dp / LOG_BASE);
            if (CRYPTO) {
              if (crypto.getRandomValues) {
                a = crypto.getRandomValues(new Uint32Array(k *= 2));
                for (; i < k; ) {
                  v = a[i] * 131072 + (a[i + 1] >>> 11);
                  if (v >= 9e15) {
                    b = crypto.getRandomValues(new Uint32Array(2));
                    a[i] = b[0];
                    a[i + 1] = b[1];
                  } else {
                    c.push(v % 1e14);
                    i += 2;
                  }
                }
                i = k / 2;
              } else if (crypto.randomBytes) {
                a = crypto.randomBytes(k *= 7);
                for (; i < k; ) {
                  v = (a[i] & 31) * 281474976710656 + a[i + 1] * 1099511627776 + a[i + 2] * 4294967296 + a[i + 3] * 16777216 + (a[i + 4] << 16) + (a[i + 5] << 8) + a[i + 6];
                  if (v >= 9e15) {
                    crypto.randomBytes(7).copy(a, i);
                  } else {
                    c.push(v % 1e14);
                    i += 7;
                  }
                }
                i = k / 7;
              } else {
                CRYPTO = false;
                if (ERRORS) raise(14, "crypto unavailable", crypto);
              }
            }
            if (!CRYPTO) {
              for (; i < k; ) {
                v = random53bitInt();
                if (v < 9e15) c[i++] = v % 1e14;
              }
            }
            k = c[--i];
            dp %= LOG_BASE;
            if (k && dp) {
              v = POWS_TEN[LOG_BASE - dp];
              c[i] = mathfloor(k / v) * v;
            }
            for (; c[i] === 0; c.pop(), i--) ;
            if (i < 0) {
              c = [e = 0];
            } else {
              for (e = -1; c[0] === 0; c.splice(0, 1), e -= LOG_BASE) ;
              for (i = 1, v = c[0]; v >= 10; v /= 10, i++) ;
              if (i < LOG_BASE) e -= LOG_BASE - i;
            }
            rand.e = e;
            rand.c = c;
            return rand;
          };
        })();
        function convertBase(str, baseOut, baseIn, sign) {
          var d, e, k, r, x, xc, y, i = str.indexOf("."), dp = DECIMAL_PLACES, rm = ROUNDING_MODE;
          if (baseIn < 37) str = str.toLowerCase();
          if (i >= 0) {
            k = POW_PRECISION;
            POW_PRECISION = 0;
            str = str.replace(".", "");
            y = new BigNumber2(baseIn);
            x = y.pow(str.length - i);
            POW_PRECISION = k;
            y.c = toBaseOut(toFixedPoint(coeffToString(x.c), x.e), 10, baseOut);
            y.e = y.c.length;
          }
          xc = toBaseOut(str, baseIn, baseOut);
          e = k = xc.length;
          for (; xc[--k] == 0; xc.pop()) ;
          if (!xc[0]) return "0";
          if (i < 0) {
            --e;
          } else {
            x.c = xc;
            x.e = e;
            x.s = sign;
            x = div(x, y, dp, rm, baseOut);
            xc = x.c;
            r = x.r;
            e = x.e;
          }
          d = e + dp + 1;
          i = xc[d];
          k = baseOut / 2;
          r = r || d < 0 || xc[d + 1] != null;
          r = rm < 4 ? (i != null || r) && (rm == 0 || rm == (x.s < 0 ? 3 : 2)) : i > k || i == k && (rm == 4 || r || rm == 6 && xc[d - 1] & 1 || rm == (x.s < 0 ? 8 : 7));
          if (d < 1 || !xc[0]) {
            str = r ? toFixedPoint("1", -dp) : "0";
          } else {
            xc.length = d;
            if (r) {
              for (--baseOut; ++xc[--d] > baseOut; ) {
                xc[d] = 0;
                if (!d) {
                  ++e;
                  xc = [1].concat(xc);
                }
              }
            }
            for (k = xc.length; !xc[--k]; ) ;
            for (i = 0, str = ""; i <= k; str += ALPHABET.charAt(xc[i++])) ;
            str = toFixedPoint(str, e);
          }
          return str;
        }
        div = /* @__PURE__ */ (function() {
          function multiply(x, k, base) {
            var m, temp, xlo, xhi, carry = 0, i = x.length, klo = k % SQRT_BASE, khi = k / SQRT_BASE | 0;
            for (x = x.slice(); i--; ) {
              xlo = x[i] % SQRT_BASE;
              xhi = x[i] / SQRT_BASE | 0;
              m = khi * xlo + xhi * klo;
              temp = klo * xlo + m % SQRT_BASE * SQRT_BASE + carry;
              carry = (temp / base | 0) + (m / SQRT_BASE | 0) + khi * xhi;
              x[i] = temp % base;
            }
            if (carry) x = [carry].concat(x);
            return x;
          }
          function compare2(a, b, aL, bL) {
            var i, cmp;
            if (aL != bL) {
              cmp = aL > bL ? 1 : -1;
            } else {
              for (i = cmp = 0; i < aL; i++) {
                if (a[i] != b[i]) {
                  cmp = a[i] > b[i] ? 1 : -1;
                  break;
                }
              }
            }
            return cmp;
          }
          function subtract(a, b, aL, base) {
            var i = 0;
            for (; aL--; ) {
              a[aL] -= i;
              i = a[aL] < b[aL] ? 1 : 0;
              a[aL] = i * base + a[aL] - b[aL];
            }
            for (; !a[0] && a.length > 1; a.splice(0, 1)) ;
          }
          return function(x, y, dp, rm, base) {
            var cmp, e, i, more, n, prod, prodL, q, qc, rem, remL, rem0, xi, xL, yc0, yL, yz, s = x.s == y.s ? 1 : -1, xc = x.c, yc = y.c;
            if (!xc || !xc[0] || !yc || !yc[0]) {
              return new BigNumber2(
                // Return NaN if either NaN, or both Infinity or 0.
                !x.s || !y.s || (xc ? yc && xc[0] == yc[0] : !yc) ? NaN : (
                  // Return ±0 if x is ±0 or y is ±Infinity, or return ±Infinity as y is ±0.
                  xc && xc[0] == 0 || !yc ? s * 0 : s / 0
                )
              );
            }
            q = new BigNumber2(s);
            qc = q.c = [];
            e = x.e - y.e;
            s = dp + e + 1;
            if (!base) {
              base = BASE;
              e = bitFloor(x.e / LOG_BASE) - bitFloor(y.e / LOG_BASE);
              s = s / LOG_BASE | 0;
            }
            for (i = 0; yc[i] == (xc[i] || 0); i++) ;
            if (yc[i] > (xc[i] || 0)) e--;
            if (s < 0) {
              qc.push(1);
              more = true;
            } else {
              xL = xc.length;
              yL = yc.length;
              i = 0;
              s += 2;
              n = mathfloor(base / (yc[0] + 1));
              if (n > 1) {
                yc = multiply(yc, n, base);
                xc = multiply(xc, n, base);
                yL = yc.length;
                xL = xc.length;
              }
              xi = yL;
              rem = xc.slice(0, yL);
              remL = rem.length;
              for (; remL < yL; rem[remL++] = 0) ;
              yz = yc.slice();
              yz = [0].concat(yz);
              yc0 = yc[0];
              if (yc[1] >= base / 2) yc0++;
              do {
                n = 0;
                cmp = compare2(yc, rem, yL, remL);
                if (cmp < 0) {
                  rem0 = rem[0];
                  if (yL != remL) rem0 = rem0 * base + (rem[1] || 0);
                  n = mathfloor(rem0 / yc0);
                  if (n > 1) {
                    if (n >= base) n = base - 1;
                    prod = multiply(yc, n, base);
                    prodL = prod.length;
                    remL = rem.length;
                    while (compare2(prod, rem, prodL, remL) == 1) {
                      n--;
                      subtract(prod, yL < prodL ? yz : yc, prodL, base);
                      prodL = prod.length;
                      cmp = 1;
                    }
                  } else {
                    if (n == 0) {
                      cmp = n = 1;
                    }
                    prod = yc.slice();
                    prodL = prod.length;
                  }
                  if (prodL < remL) prod = [0].concat(prod);
                  subtract(rem, prod, remL, base);
                  remL = rem.length;
                  if (cmp == -1) {
                    while (compare2(yc, rem, yL, remL) < 1) {
                      n++;
                      subtract(rem, yL < remL ? yz : yc, remL, base);
                      remL = rem.length;
                    }
                  }
                } else if (cmp === 0) {
                  n++;
                  rem = [0];
                }
                qc[i++] = n;
                if (rem[0]) {
                  rem[remL++] = xc[xi] || 0;
                } else {
                  rem = [xc[xi]];
                  remL = 1;
                }
              } while ((xi++ < xL || rem[0] != null) && s--);
              more = rem[0] != null;
              if (!qc[0]) qc.splice(0, 1);
            }
            if (base == BASE) {
              for (i = 1, s = qc[0]; s >= 10; s /= 10, i++) ;
              round(q, dp + (q.e = i + e * LOG_BASE - 1) + 1, rm, more);
            } else {
              q.e = e;
              q.r = +more;
            }
            return q;
          };
        })();
        function format(n, i, rm, caller) {
          var c0, e, ne, len, str;
          rm = rm != null && isValidInt(rm, 0, 8, caller, roundingMode) ? rm | 0 : ROUNDING_MODE;
          if (!n.c) return n.toString();
          c0 = n.c[0];
          ne = n.e;
          if (i == null) {
            str = coeffToString(n.c);
            str = caller == 19 || caller == 24 && ne <= TO_EXP_NEG ? toExponential(str, ne) : toFixedPoint(str, ne);
          } else {
            n = round(new BigNumber2(n), i, rm);
            e = n.e;
            str = coeffToString(n.c);
            len = str.length;
            if (caller == 19 || caller == 24 && (i <= e || e <= TO_EXP_NEG)) {
              for (; len < i; str += "0", len++) ;
              str = toExponential(str, e);
            } else {
              i -= ne;
              str = toFixedPoint(str, e);
              if (e + 1 > len) {
                if (--i > 0) for (str += "."; i--; str += "0") ;
              } else {
                i += e - len;
                if (i > 0) {
                  if (e + 1 == len) str += ".";
                  for (; i--; str += "0") ;
                }
              }
            }
          }
          return n.s < 0 && c0 ? "-" + str : str;
        }
        function maxOrMin(args, method) {
          var m, n, i = 0;
          if (isArray(args[0])) args = args[0];
          m = new BigNumber2(args[0]);
          for (; ++i < args.length; ) {
            n = new BigNumber2(args[i]);
            if (!n.s) {
              m = n;
              break;
            } else if (method.call(m, n)) {
              m = n;
            }
          }
          return m;
        }
        function intValidatorWithErrors(n, min, max, caller, name) {
          if (n < min || n > max || n != truncate(n)) {
            raise(caller, (name || "decimal places") + (n < min || n > max ? " out of range" : " not an integer"), n);
          }
          return true;
        }
        function normalise(n, c, e) {
          var i = 1, j = c.length;
          for (; !c[--j]; c.pop()) ;
          for (j = c[0]; j >= 10; j /= 10, i++) ;
          if ((e = i + e * LOG_BASE - 1) > MAX_EXP) {
            n.c = n.e = null;
          } else if (e < MIN_EXP) {
            n.c = [n.e = 0];
          } else {
            n.e = e;
            n.c = c;
          }
          return n;
        }
        parseNumeric = /* @__PURE__ */ (function() {
          var basePrefix = /^(-?)0([xbo])(?=\w[\w.]*$)/i, dotAfter = /^([^.]+)\.$/, dotBefore = /^\.([^.]+)$/, isInfinityOrNaN = /^-?(Infinity|NaN)$/, whitespaceOrPlus = /^\s*\+(?=[\w.])|^\s+|\s+$/g;
          return function(x, str, num, b) {
            var base, s = num ? str : str.replace(whitespaceOrPlus, "");
            if (isInfinityOrNaN.test(s)) {
              x.s = isNaN(s) ? null : s < 0 ? -1 : 1;
            } else {
              if (!num) {
                s = s.replace(basePrefix, function(m, p1, p2) {
                  base = (p2 = p2.toLowerCase()) == "x" ? 16 : p2 == "b" ? 2 : 8;
                  return !b || b == base ? p1 : m;
                });
                if (b) {
                  base = b;
                  s = s.replace(dotAfter, "$1").replace(dotBefore, "0.$1");
                }
                if (str != s) return new BigNumber2(s, base);
              }
              if (ERRORS) raise(id, "not a" + (b ? " base " + b : "") + " number", str);
              x.s = null;
            }
            x.c = x.e = null;
            id = 0;
          };
        })();
        function raise(caller, msg, val) {
          var error = new Error([
            "new BigNumber",
            // 0
            "cmp",
            // 1
            "config",
            // 2
            "div",
            // 3
            "divToInt",
            // 4
            "eq",
            // 5
            "gt",
            // 6
            "gte",
            // 7
            "lt",
            // 8
            "lte",
            // 9
            "minus",
            // 10
            "mod",
            // 11
            "plus",
            // 12
            "precision",
            // 13
            "random",
            // 14
            "round",
            // 15
            "shift",
            // 16
            "times",
            // 17
            "toDigits",
            // 18
            "toExponential",
            // 19
            "toFixed",
            // 20
            "toFormat",
            // 21
            "toFraction",
            // 22
            "pow",
            // 23
            "toPrecision",
            // 24
            "toString",
            // 25
            "BigNumber"
            // 26
          ][caller] + "() " + msg + ": " + val);
          error.name = "BigNumber Error";
          id = 0;
          throw error;
        }
        function round(x, sd, rm, r) {
          var d, i, j, k, n, ni, rd, xc = x.c, pows10 = POWS_TEN;
          if (xc) {
            out: {
              for (d = 1, k = xc[0]; k >= 10; k /= 10, d++) ;
              i = sd - d;
              if (i < 0) {
                i += LOG_BASE;
                j = sd;
                n = xc[ni = 0];
                rd = n / pows10[d - j - 1] % 10 | 0;
              } else {
                ni = mathceil((i + 1) / LOG_BASE);
                if (ni >= xc.length) {
                  if (r) {
                    for (; xc.length <= ni; xc.push(0)) ;
                    n = rd = 0;
                    d = 1;
                    i %= LOG_BASE;
                    j = i - LOG_BASE + 1;
                  } else {
                    break out;
                  }
                } else {
                  n = k = xc[ni];
                  for (d = 1; k >= 10; k /= 10, d++) ;
                  i %= LOG_BASE;
                  j = i - LOG_BASE + d;
                  rd = j < 0 ? 0 : n / pows10[d - j - 1] % 10 | 0;
                }
              }
              r = r || sd < 0 || // Are there any non-zero digits after the rounding digit?
              // The expression  n % pows10[ d - j - 1 ]  returns all digits of n to the right
              // of the digit at j, e.g. if n is 908714 and j is 2, the expression gives 714.
              xc[ni + 1] != null || (j < 0 ? n : n % pows10[d - j - 1]);
              r = rm < 4 ? (rd || r) && (rm == 0 || rm == (x.s < 0 ? 3 : 2)) : rd > 5 || rd == 5 && (rm == 4 || r || rm == 6 && // Check whether the digit to the left of the rounding digit is odd.
              (i > 0 ? j > 0 ? n / pows10[d - j] : 0 : xc[ni - 1]) % 10 & 1 || rm == (x.s < 0 ? 8 : 7));
              if (sd < 1 || !xc[0]) {
                xc.length = 0;
                if (r) {
                  sd -= x.e + 1;
                  xc[0] = pows10[(LOG_BASE - sd % LOG_BASE) % LOG_BASE];
                  x.e = -sd || 0;
                } else {
                  xc[0] = x.e = 0;
                }
                return x;
              }
              if (i == 0) {
                xc.length = ni;
                k = 1;
                ni--;
              } else {
                xc.length = ni + 1;
                k = pows10[LOG_BASE - i];
                xc[ni] = j > 0 ? mathfloor(n / pows10[d - j] % pows10[j]) * k : 0;
              }
              if (r) {
                for (; ; ) {
                  if (ni == 0) {
                    for (i = 1, j = xc[0]; j >= 10; j /= 10, i++) ;
                    j = xc[0] += k;
                    for (k = 1; j >= 10; j /= 10, k++) ;
                    if (i != k) {
                      x.e++;
                      if (xc[0] == BASE) xc[0] = 1;
                    }
                    break;
                  } else {
                    xc[ni] += k;
                    if (xc[ni] != BASE) break;
                    xc[ni--] = 0;
                    k = 1;
                  }
                }
              }
              for (i = xc.length; xc[--i] === 0; xc.pop()) ;
            }
            if (x.e > MAX_EXP) {
              x.c = x.e = null;
            } else if (x.e < MIN_EXP) {
              x.c = [x.e = 0];
            }
          }
          return x;
        }
        P.absoluteValue = P.abs = function() {
          var x = new BigNumber2(this);
          if (x.s < 0) x.s = 1;
          return x;
        };
        P.ceil = function() {
          return round(new BigNumber2(this), this.e + 1, 2);
        };
        P.comparedTo = P.cmp = function(y, b) {
          id = 1;
          return compare(this, new BigNumber2(y, b));
        };
        P.decimalPlaces = P.dp = function() {
          var n, v, c = this.c;
          if (!c) return null;
          n = ((v = c.length - 1) - bitFloor(this.e / LOG_BASE)) * LOG_BASE;
          if (v = c[v]) for (; v % 10 == 0; v /= 10, n--) ;
          if (n < 0) n = 0;
          return n;
        };
        P.dividedBy = P.div = function(y, b) {
          id = 3;
          return div(this, new BigNumber2(y, b), DECIMAL_PLACES, ROUNDING_MODE);
        };
        P.dividedToIntegerBy = P.divToInt = function(y, b) {
          id = 4;
          return div(this, new BigNumber2(y, b), 0, 1);
        };
        P.equals = P.eq = function(y, b) {
          id = 5;
          return compare(this, new BigNumber2(y, b)) === 0;
        };
        P.floor = function() {
          return round(new BigNumber2(this), this.e + 1, 3);
        };
        P.greaterThan = P.gt = function(y, b) {
          id = 6;
          return compare(this, new BigNumber2(y, b)) > 0;
        };
        P.greaterThanOrEqualTo = P.gte = function(y, b) {
          id = 7;
          return (b = compare(this, new BigNumber2(y, b))) === 1 || b === 0;
        };
        P.isFinite = function() {
          return !!this.c;
        };
        P.isInteger = P.isInt = function() {
          return !!this.c && bitFloor(this.e / LOG_BASE) > this.c.length - 2;
        };
        P.isNaN = function() {
          return !this.s;
        };
        P.isNegative = P.isNeg = function() {
          return this.s < 0;
        };
        P.isZero = function() {
          return !!this.c && this.c[0] == 0;
        };
        P.lessThan = P.lt = function(y, b) {
          id = 8;
          return compare(this, new BigNumber2(y, b)) < 0;
        };
        P.lessThanOrEqualTo = P.lte = function(y, b) {
          id = 9;
          return (b = compare(this, new BigNumber2(y, b))) === -1 || b === 0;
        };
        P.minus = P.sub = function(y, b) {
          var i, j, t, xLTy, x = this, a = x.s;
          id = 10;
          y = new BigNumber2(y, b);
          b = y.s;
          if (!a || !b) return new BigNumber2(NaN);
          if (a != b) {
            y.s = -b;
            return x.plus(y);
          }
          var xe = x.e / LOG_BASE, ye = y.e / LOG_BASE, xc = x.c, yc = y.c;
          if (!xe || !ye) {
            if (!xc || !yc) return xc ? (y.s = -b, y) : new BigNumber2(yc ? x : NaN);
            if (!xc[0] || !yc[0]) {
              return yc[0] ? (y.s = -b, y) : new BigNumber2(xc[0] ? x : (
                // IEEE 754 (2008) 6.3: n - n = -0 when rounding to -Infinity
                ROUNDING_MODE == 3 ? -0 : 0
              ));
            }
          }
          xe = bitFloor(xe);
          ye = bitFloor(ye);
          xc = xc.slice();
          if (a = xe - ye) {
            if (xLTy = a < 0) {
              a = -a;
              t = xc;
            } else {
              ye = xe;
              t = yc;
            }
            t.reverse();
            for (b = a; b--; t.push(0)) ;
            t.reverse();
          } else {
            j = (xLTy = (a = xc.length) < (b = yc.length)) ? a : b;
            for (a = b = 0; b < j; b++) {
              if (xc[b] != yc[b]) {
                xLTy = xc[b] < yc[b];
                break;
              }
            }
          }
          if (xLTy) t = xc, xc = yc, yc = t, y.s = -y.s;
          b = (j = yc.length) - (i = xc.length);
          if (b > 0) for (; b--; xc[i++] = 0) ;
          b = BASE - 1;
          for (; j > a; ) {
            if (xc[--j] < yc[j]) {
              for (i = j; i && !xc[--i]; xc[i] = b) ;
              --xc[i];
              xc[j] += BASE;
            }
            xc[j] -= yc[j];
          }
          for (; xc[0] == 0; xc.splice(0, 1), --ye) ;
          if (!xc[0]) {
            y.s = ROUNDING_MODE == 3 ? -1 : 1;
            y.c = [y.e = 0];
            return y;
          }
          return normalise(y, xc, ye);
        };
        P.modulo = P.mod = function(y, b) {
          var q, s, x = this;
          id = 11;
          y = new BigNumber2(y, b);
          if (!x.c || !y.s || y.c && !y.c[0]) {
            return new BigNumber2(NaN);
          } else if (!y.c || x.c && !x.c[0]) {
            return new BigNumber2(x);
          }
          if (MODULO_MODE == 9) {
            s = y.s;
            y.s = 1;
            q = div(x, y, 0, 3);
            y.s = s;
            q.s *= s;
          } else {
            q = div(x, y, 0, MODULO_MODE);
          }
          return x.minus(q.times(y));
        };
        P.negated = P.neg = function() {
          var x = new BigNumber2(this);
          x.s = -x.s || null;
          return x;
        };
        P.plus = P.add = function(y, b) {
          var t, x = this, a = x.s;
          id = 12;
          y = new BigNumber2(y, b);
          b = y.s;
          if (!a || !b) return new BigNumber2(NaN);
          if (a != b) {
            y.s = -b;
            return x.minus(y);
          }
          var xe = x.e / LOG_BASE, ye = y.e / LOG_BASE, xc = x.c, yc = y.c;
          if (!xe || !ye) {
            if (!xc || !yc) return new BigNumber2(a / 0);
            if (!xc[0] || !yc[0]) return yc[0] ? y : new BigNumber2(xc[0] ? x : a * 0);
          }
          xe = bitFloor(xe);
          ye = bitFloor(ye);
          xc = xc.slice();
          if (a = xe - ye) {
            if (a > 0) {
              ye = xe;
              t = yc;
            } else {
              a = -a;
              t = xc;
            }
            t.reverse();
            for (; a--; t.push(0)) ;
            t.reverse();
          }
          a = xc.length;
          b = yc.length;
          if (a - b < 0) t = yc, yc = xc, xc = t, b = a;
          for (a = 0; b; ) {
            a = (xc[--b] = xc[b] + yc[b] + a) / BASE | 0;
            xc[b] = BASE === xc[b] ? 0 : xc[b] % BASE;
          }
          if (a) {
            xc = [a].concat(xc);
            ++ye;
          }
          return normalise(y, xc, ye);
        };
        P.precision = P.sd = function(z) {
          var n, v, x = this, c = x.c;
          if (z != null && z !== !!z && z !== 1 && z !== 0) {
            if (ERRORS) raise(13, "argument" + notBool, z);
            if (z != !!z) z = null;
          }
          if (!c) return null;
          v = c.length - 1;
          n = v * LOG_BASE + 1;
          if (v = c[v]) {
            for (; v % 10 == 0; v /= 10, n--) ;
            for (v = c[0]; v >= 10; v /= 10, n++) ;
          }
          if (z && x.e + 1 > n) n = x.e + 1;
          return n;
        };
        P.round = function(dp, rm) {
          var n = new BigNumber2(this);
          if (dp == null || isValidInt(dp, 0, MAX, 15)) {
            round(n, ~~dp + this.e + 1, rm == null || !isValidInt(rm, 0, 8, 15, roundingMode) ? ROUNDING_MODE : rm | 0);
          }
          return n;
        };
        P.shift = function(k) {
          var n = this;
          return isValidInt(k, -MAX_SAFE_INTEGER, MAX_SAFE_INTEGER, 16, "argument") ? n.times("1e" + truncate(k)) : new BigNumber2(n.c && n.c[0] && (k < -MAX_SAFE_INTEGER || k > MAX_SAFE_INTEGER) ? n.s * (k < 0 ? 0 : 1 / 0) : n);
        };
        P.squareRoot = P.sqrt = function() {
          var m, n, r, rep, t, x = this, c = x.c, s = x.s, e = x.e, dp = DECIMAL_PLACES + 4, half = new BigNumber2("0.5");
          if (s !== 1 || !c || !c[0]) {
            return new BigNumber2(!s || s < 0 && (!c || c[0]) ? NaN : c ? x : 1 / 0);
          }
          s = Math.sqrt(+x);
          if (s == 0 || s == 1 / 0) {
            n = coeffToString(c);
            if ((n.length + e) % 2 == 0) n += "0";
            s = Math.sqrt(n);
            e = bitFloor((e + 1) / 2) - (e < 0 || e % 2);
            if (s == 1 / 0) {
              n = "1e" + e;
            } else {
              n = s.toExponential();
              n = n.slice(0, n.indexOf("e") + 1) + e;
            }
            r = new BigNumber2(n);
          } else {
            r = new BigNumber2(s + "");
          }
          if (r.c[0]) {
            e = r.e;
            s = e + dp;
            if (s < 3) s = 0;
            for (; ; ) {
              t = r;
              r = half.times(t.plus(div(x, t, dp, 1)));
              if (coeffToString(t.c).slice(0, s) === (n = coeffToString(r.c)).slice(0, s)) {
                if (r.e < e) --s;
                n = n.slice(s - 3, s + 1);
                if (n == "9999" || !rep && n == "4999") {
                  if (!rep) {
                    round(t, t.e + DECIMAL_PLACES + 2, 0);
                    if (t.times(t).eq(x)) {
                      r = t;
                      break;
                    }
                  }
                  dp += 4;
                  s += 4;
                  rep = 1;
                } else {
                  if (!+n || !+n.slice(1) && n.charAt(0) == "5") {
                    round(r, r.e + DECIMAL_PLACES + 2, 1);
                    m = !r.times(r).eq(x);
                  }
                  break;
                }
              }
            }
          }
          return round(r, r.e + DECIMAL_PLACES + 1, ROUNDING_MODE, m);
        };
        P.times = P.mul = function(y, b) {
          var c, e, i, j, k, m, xcL, xlo, xhi, ycL, ylo, yhi, zc, base, sqrtBase, x = this, xc = x.c, yc = (id = 17, y = new BigNumber2(y, b)).c;
          if (!xc || !yc || !xc[0] || !yc[0]) {
            if (!x.s || !y.s || xc && !xc[0] && !yc || yc && !yc[0] && !xc) {
              y.c = y.e = y.s = null;
            } else {
              y.s *= x.s;
              if (!xc || !yc) {
                y.c = y.e = null;
              } else {
                y.c = [0];
                y.e = 0;
              }
            }
            return y;
          }
          e = bitFloor(x.e / LOG_BASE) + bitFloor(y.e / LOG_BASE);
          y.s *= x.s;
          xcL = xc.length;
          ycL = yc.length;
          if (xcL < ycL) zc = xc, xc = yc, yc = zc, i = xcL, xcL = ycL, ycL = i;
          for (i = xcL + ycL, zc = []; i--; zc.push(0)) ;
          base = BASE;
          sqrtBase = SQRT_BASE;
          for (i = ycL; --i >= 0; ) {
            c = 0;
            ylo = yc[i] % sqrtBase;
            yhi = yc[i] / sqrtBase | 0;
            for (k = xcL, j = i + k; j > i; ) {
              xlo = xc[--k] % sqrtBase;
              xhi = xc[k] / sqrtBase | 0;
              m = yhi * xlo + xhi * ylo;
              xlo = ylo * xlo + m % sqrtBase * sqrtBase + zc[j] + c;
              c = (xlo / base | 0) + (m / sqrtBase | 0) + yhi * xhi;
              zc[j--] = xlo % base;
            }
            zc[j] = c;
          }
          if (c) {
            ++e;
          } else {
            zc.splice(0, 1);
          }
          return normalise(y, zc, e);
        };
        P.toDigits = function(sd, rm) {
          var n = new BigNumber2(this);
          sd = sd == null || !isValidInt(sd, 1, MAX, 18, "precision") ? null : sd | 0;
          rm = rm == null || !isValidInt(rm, 0, 8, 18, roundingMode) ? ROUNDING_MODE : rm | 0;
          return sd ? round(n, sd, rm) : n;
        };
        P.toExponential = function(dp, rm) {
          return format(
            this,
            dp != null && isValidInt(dp, 0, MAX, 19) ? ~~dp + 1 : null,
            rm,
            19
          );
        };
        P.toFixed = function(dp, rm) {
          return format(this, dp != null && isValidInt(dp, 0, MAX, 20) ? ~~dp + this.e + 1 : null, rm, 20);
        };
        P.toFormat = function(dp, rm) {
          var str = format(this, dp != null && isValidInt(dp, 0, MAX, 21) ? ~~dp + this.e + 1 : null, rm, 21);
          if (this.c) {
            var i, arr = str.split("."), g1 = +FORMAT.groupSize, g2 = +FORMAT.secondaryGroupSize, groupSeparator = FORMAT.groupSeparator, intPart = arr[0], fractionPart = arr[1], isNeg = this.s < 0, intDigits = isNeg ? intPart.slice(1) : intPart, len = intDigits.length;
            if (g2) i = g1, g1 = g2, g2 = i, len -= i;
            if (g1 > 0 && len > 0) {
              i = len % g1 || g1;
              intPart = intDigits.substr(0, i);
              for (; i < len; i += g1) {
                intPart += groupSeparator + intDigits.substr(i, g1);
              }
              if (g2 > 0) intPart += groupSeparator + intDigits.slice(i);
              if (isNeg) intPart = "-" + intPart;
            }
            str = fractionPart ? intPart + FORMAT.decimalSeparator + ((g2 = +FORMAT.fractionGroupSize) ? fractionPart.replace(
              new RegExp("\\d{" + g2 + "}\\B", "g"),
              "$&" + FORMAT.fractionGroupSeparator
            ) : fractionPart) : intPart;
          }
          return str;
        };
        P.toFraction = function(md) {
          var arr, d0, d2, e, exp, n, n0, q, s, k = ERRORS, x = this, xc = x.c, d = new BigNumber2(ONE), n1 = d0 = new BigNumber2(ONE), d1 = n0 = new BigNumber2(ONE);
          if (md != null) {
            ERRORS = false;
            n = new BigNumber2(md);
            ERRORS = k;
            if (!(k = n.isInt()) || n.lt(ONE)) {
              if (ERRORS) {
                raise(
                  22,
                  "max denominator " + (k ? "out of range" : "not an integer"),
                  md
                );
              }
              md = !k && n.c && round(n, n.e + 1, 1).gte(ONE) ? n : null;
            }
          }
          if (!xc) return x.toString();
          s = coeffToString(xc);
          e = d.e = s.length - x.e - 1;
          d.c[0] = POWS_TEN[(exp = e % LOG_BASE) < 0 ? LOG_BASE + exp : exp];
          md = !md || n.cmp(d) > 0 ? e > 0 ? d : n1 : n;
          exp = MAX_EXP;
          MAX_EXP = 1 / 0;
          n = new BigNumber2(s);
          n0.c[0] = 0;
          for (; ; ) {
            q = div(n, d, 0, 1);
            d2 = d0.plus(q.times(d1));
            if (d2.cmp(md) == 1) break;
            d0 = d1;
            d1 = d2;
            n1 = n0.plus(q.times(d2 = n1));
            n0 = d2;
            d = n.minus(q.times(d2 = d));
            n = d2;
          }
          d2 = div(md.minus(d0), d1, 0, 1);
          n0 = n0.plus(d2.times(n1));
          d0 = d0.plus(d2.times(d1));
          n0.s = n1.s = x.s;
          e *= 2;
          arr = div(n1, d1, e, ROUNDING_MODE).minus(x).abs().cmp(
            div(n0, d0, e, ROUNDING_MODE).minus(x).abs()
          ) < 1 ? [n1.toString(), d1.toString()] : [n0.toString(), d0.toString()];
          MAX_EXP = exp;
          return arr;
        };
        P.toNumber = function() {
          return +this;
        };
        P.toPower = P.pow = function(n, m) {
          var k, y, z, i = mathfloor(n < 0 ? -n : +n), x = this;
          if (m != null) {
            id = 23;
            m = new BigNumber2(m);
          }
          if (!isValidInt(n, -MAX_SAFE_INTEGER, MAX_SAFE_INTEGER, 23, "exponent") && (!isFinite(n) || i > MAX_SAFE_INTEGER && (n /= 0) || parseFloat(n) != n && !(n = NaN)) || n == 0) {
            k = Math.pow(+x, n);
            return new BigNumber2(m ? k % m : k);
          }
          if (m) {
            if (n > 1 && x.gt(ONE) && x.isInt() && m.gt(ONE) && m.isInt()) {
              x = x.mod(m);
            } else {
              z = m;
              m = null;
            }
          } else if (POW_PRECISION) {
            k = mathceil(POW_PRECISION / LOG_BASE + 2);
          }
          y = new BigNumber2(ONE);
          for (; ; ) {
            if (i % 2) {
              y = y.times(x);
              if (!y.c) break;
              if (k) {
                if (y.c.length > k) y.c.length = k;
              } else if (m) {
                y = y.mod(m);
              }
            }
            i = mathfloor(i / 2);
            if (!i) break;
            x = x.times(x);
            if (k) {
              if (x.c && x.c.length > k) x.c.length = k;
            } else if (m) {
              x = x.mod(m);
            }
          }
          if (m) return y;
          if (n < 0) y = ONE.div(y);
          return z ? y.mod(z) : k ? round(y, POW_PRECISION, ROUNDING_MODE) : y;
        };
        P.toPrecision = function(sd, rm) {
          return format(this, sd != null && isValidInt(sd, 1, MAX, 24, "precision") ? sd | 0 : null, rm, 24);
        };
        P.toString = function(b) {
          var str, n = this, s = n.s, e = n.e;
          if (e === null) {
            if (s) {
              str = "Infinity";
              if (s < 0) str = "-" + str;
            } else {
              str = "NaN";
            }
          } else {
            str = coeffToString(n.c);
            if (b == null || !isValidInt(b, 2, 64, 25, "base")) {
              str = e <= TO_EXP_NEG || e >= TO_EXP_POS ? toExponential(str, e) : toFixedPoint(str, e);
            } else {
              str = convertBase(toFixedPoint(str, e), b | 0, 10, s);
            }
            if (s < 0 && n.c[0]) str = "-" + str;
          }
          return str;
        };
        P.truncated = P.trunc = function() {
          return round(new BigNumber2(this), this.e + 1, 1);
        };
        P.valueOf = P.toJSON = function() {
          var str, n = this, e = n.e;
          if (e === null) return n.toString();
          str = coeffToString(n.c);
          str = e <= TO_EXP_NEG || e >= TO_EXP_POS ? toExponential(str, e) : toFixedPoint(str, e);
          return n.s < 0 ? "-" + str : str;
        };
        P.isBigNumber = true;
        if (config != null) BigNumber2.config(config);
        return BigNumber2;
      }
      function bitFloor(n) {
        var i = n | 0;
        return n > 0 || n === i ? i : i - 1;
      }
      function coeffToString(a) {
        var s, z, i = 1, j = a.length, r = a[0] + "";
        for (; i < j; ) {
          s = a[i++] + "";
          z = LOG_BASE - s.length;
          for (; z--; s = "0" + s) ;
          r += s;
        }
        for (j = r.length; r.charCodeAt(--j) === 48; ) ;
        return r.slice(0, j + 1 || 1);
      }
      function compare(x, y) {
        var a, b, xc = x.c, yc = y.c, i = x.s, j = y.s, k = x.e, l = y.e;
        if (!i || !j) return null;
        a = xc && !xc[0];
        b = yc && !yc[0];
        if (a || b) return a ? b ? 0 : -j : i;
        if (i != j) return i;
        a = i < 0;
        b = k == l;
        if (!xc || !yc) return b ? 0 : !xc ^ a ? 1 : -1;
        if (!b) return k > l ^ a ? 1 : -1;
        j = (k = xc.length) < (l = yc.length) ? k : l;
        for (i = 0; i < j; i++) if (xc[i] != yc[i]) return xc[i] > yc[i] ^ a ? 1 : -1;
        return k == l ? 0 : k > l ^ a ? 1 : -1;
      }
      function intValidatorNoErrors(n, min, max) {
        return (n = truncate(n)) >= min && n <= max;
      }
      function isArray(obj) {
        return Object.prototype.toString.call(obj) == "[object Array]";
      }
      function toBaseOut(str, baseIn, baseOut) {
        var j, arr = [0], arrL, i = 0, len = str.length;
        for (; i < len; ) {
          for (arrL = arr.length; arrL--; arr[arrL] *= baseIn) ;
          arr[j = 0] += ALPHABET.indexOf(str.charAt(i++));
          for (; j < arr.length; j++) {
            if (arr[j] > baseOut - 1) {
              if (arr[j + 1] == null) arr[j + 1] = 0;
              arr[j + 1] += arr[j] / baseOut | 0;
              arr[j] %= baseOut;
            }
          }
        }
        return arr.reverse();
      }
      function toExponential(str, e) {
        return (str.length > 1 ? str.charAt(0) + "." + str.slice(1) : str) + (e < 0 ? "e" : "e+") + e;
      }
      function toFixedPoint(str, e) {
        var len, z;
        if (e < 0) {
          for (z = "0."; ++e; z += "0") ;
          str = z + str;
        } else {
          len = str.length;
          if (++e > len) {
            for (z = "0", e -= len; --e; z += "0") ;
            str += z;
          } else if (e < len) {
            str = str.slice(0, e) + "." + str.slice(e);
          }
        }
        return str;
      }
      function truncate(n) {
        n = parseFloat(n);
        return n < 0 ? mathceil(n) : mathfloor(n);
      }
      BigNumber = constructorFactory();
      BigNumber["default"] = BigNumber.BigNumber = BigNumber;
      if (typeof define == "function" && define.amd) {
        define(function() {
          return BigNumber;
        });
      } else if (typeof module != "undefined" && module.exports) {
        module.exports = BigNumber;
      } else {
        if (!globalObj) globalObj = typeof self != "undefined" ? self : Function("return this")();
        globalObj.BigNumber = BigNumber;
      }
    })(exports);
  }
});

// node_modules/ilp-packet/dist/src/utils/uint64.js
var require_uint64 = __commonJS({
  "node_modules/ilp-packet/dist/src/utils/uint64.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    var bignumber_js_1 = require_bignumber();
    var HIGH_WORD_MULTIPLIER = 4294967296;
    exports.twoNumbersToString = (num) => {
      const [hi, lo] = num;
      const uint64 = new bignumber_js_1.BigNumber(hi).times(HIGH_WORD_MULTIPLIER).add(lo);
      return uint64.toString(10);
    };
    exports.stringToTwoNumbers = (num) => {
      const uint64 = new bignumber_js_1.BigNumber(num);
      return [
        uint64.dividedToIntegerBy(HIGH_WORD_MULTIPLIER).toNumber(),
        uint64.modulo(HIGH_WORD_MULTIPLIER).toNumber()
      ];
    };
  }
});

// node_modules/ilp-packet/node_modules/long/dist/long.js
var require_long = __commonJS({
  "node_modules/ilp-packet/node_modules/long/dist/long.js"(exports, module) {
    (function(global, factory) {
      if (typeof define === "function" && define["amd"])
        define([], factory);
      else if (typeof __require === "function" && typeof module === "object" && module && module["exports"])
        module["exports"] = factory();
      else
        (global["dcodeIO"] = global["dcodeIO"] || {})["Long"] = factory();
    })(exports, function() {
      "use strict";
      function Long(low, high, unsigned) {
        this.low = low | 0;
        this.high = high | 0;
        this.unsigned = !!unsigned;
      }
      Long.prototype.__isLong__;
      Object.defineProperty(Long.prototype, "__isLong__", {
        value: true,
        enumerable: false,
        configurable: false
      });
      function isLong(obj) {
        return (obj && obj["__isLong__"]) === true;
      }
      Long.isLong = isLong;
      var INT_CACHE = {};
      var UINT_CACHE = {};
      function fromInt(value, unsigned) {
        var obj, cachedObj, cache;
        if (unsigned) {
          value >>>= 0;
          if (cache = 0 <= value && value < 256) {
            cachedObj = UINT_CACHE[value];
            if (cachedObj)
              return cachedObj;
          }
          obj = fromBits(value, (value | 0) < 0 ? -1 : 0, true);
          if (cache)
            UINT_CACHE[value] = obj;
          return obj;
        } else {
          value |= 0;
          if (cache = -128 <= value && value < 128) {
            cachedObj = INT_CACHE[value];
            if (cachedObj)
              return cachedObj;
          }
          obj = fromBits(value, value < 0 ? -1 : 0, false);
          if (cache)
            INT_CACHE[value] = obj;
          return obj;
        }
      }
      Long.fromInt = fromInt;
      function fromNumber(value, unsigned) {
        if (isNaN(value) || !isFinite(value))
          return unsigned ? UZERO : ZERO;
        if (unsigned) {
          if (value < 0)
            return UZERO;
          if (value >= TWO_PWR_64_DBL)
            return MAX_UNSIGNED_VALUE;
        } else {
          if (value <= -TWO_PWR_63_DBL)
            return MIN_VALUE;
          if (value + 1 >= TWO_PWR_63_DBL)
            return MAX_VALUE;
        }
        if (value < 0)
          return fromNumber(-value, unsigned).neg();
        return fromBits(value % TWO_PWR_32_DBL | 0, value / TWO_PWR_32_DBL | 0, unsigned);
      }
      Long.fromNumber = fromNumber;
      function fromBits(lowBits, highBits, unsigned) {
        return new Long(lowBits, highBits, unsigned);
      }
      Long.fromBits = fromBits;
      var pow_dbl = Math.pow;
      function fromString(str, unsigned, radix) {
        if (str.length === 0)
          throw Error("empty string");
        if (str === "NaN" || str === "Infinity" || str === "+Infinity" || str === "-Infinity")
          return ZERO;
        if (typeof unsigned === "number") {
          radix = unsigned, unsigned = false;
        } else {
          unsigned = !!unsigned;
        }
        radix = radix || 10;
        if (radix < 2 || 36 < radix)
          throw RangeError("radix");
        var p;
        if ((p = str.indexOf("-")) > 0)
          throw Error("interior hyphen");
        else if (p === 0) {
          return fromString(str.substring(1), unsigned, radix).neg();
        }
        var radixToPower = fromNumber(pow_dbl(radix, 8));
        var result = ZERO;
        for (var i = 0; i < str.length; i += 8) {
          var size = Math.min(8, str.length - i), value = parseInt(str.substring(i, i + size), radix);
          if (size < 8) {
            var power = fromNumber(pow_dbl(radix, size));
            result = result.mul(power).add(fromNumber(value));
          } else {
            result = result.mul(radixToPower);
            result = result.add(fromNumber(value));
          }
        }
        result.unsigned = unsigned;
        return result;
      }
      Long.fromString = fromString;
      function fromValue(val) {
        if (val instanceof Long)
          return val;
        if (typeof val === "number")
          return fromNumber(val);
        if (typeof val === "string")
          return fromString(val);
        return fromBits(val.low, val.high, val.unsigned);
      }
      Long.fromValue = fromValue;
      var TWO_PWR_16_DBL = 1 << 16;
      var TWO_PWR_24_DBL = 1 << 24;
      var TWO_PWR_32_DBL = TWO_PWR_16_DBL * TWO_PWR_16_DBL;
      var TWO_PWR_64_DBL = TWO_PWR_32_DBL * TWO_PWR_32_DBL;
      var TWO_PWR_63_DBL = TWO_PWR_64_DBL / 2;
      var TWO_PWR_24 = fromInt(TWO_PWR_24_DBL);
      var ZERO = fromInt(0);
      Long.ZERO = ZERO;
      var UZERO = fromInt(0, true);
      Long.UZERO = UZERO;
      var ONE = fromInt(1);
      Long.ONE = ONE;
      var UONE = fromInt(1, true);
      Long.UONE = UONE;
      var NEG_ONE = fromInt(-1);
      Long.NEG_ONE = NEG_ONE;
      var MAX_VALUE = fromBits(4294967295 | 0, 2147483647 | 0, false);
      Long.MAX_VALUE = MAX_VALUE;
      var MAX_UNSIGNED_VALUE = fromBits(4294967295 | 0, 4294967295 | 0, true);
      Long.MAX_UNSIGNED_VALUE = MAX_UNSIGNED_VALUE;
      var MIN_VALUE = fromBits(0, 2147483648 | 0, false);
      Long.MIN_VALUE = MIN_VALUE;
      var LongPrototype = Long.prototype;
      LongPrototype.toInt = function toInt() {
        return this.unsigned ? this.low >>> 0 : this.low;
      };
      LongPrototype.toNumber = function toNumber() {
        if (this.unsigned)
          return (this.high >>> 0) * TWO_PWR_32_DBL + (this.low >>> 0);
        return this.high * TWO_PWR_32_DBL + (this.low >>> 0);
      };
      LongPrototype.toString = function toString(radix) {
        radix = radix || 10;
        if (radix < 2 || 36 < radix)
          throw RangeError("radix");
        if (this.isZero())
          return "0";
        if (this.isNegative()) {
          if (this.eq(MIN_VALUE)) {
            var radixLong = fromNumber(radix), div = this.div(radixLong), rem1 = div.mul(radixLong).sub(this);
            return div.toString(radix) + rem1.toInt().toString(radix);
          } else
            return "-" + this.neg().toString(radix);
        }
        var radixToPower = fromNumber(pow_dbl(radix, 6), this.unsigned), rem = this;
        var result = "";
        while (true) {
          var remDiv = rem.div(radixToPower), intval = rem.sub(remDiv.mul(radixToPower)).toInt() >>> 0, digits = intval.toString(radix);
          rem = remDiv;
          if (rem.isZero())
            return digits + result;
          else {
            while (digits.length < 6)
              digits = "0" + digits;
            result = "" + digits + result;
          }
        }
      };
      LongPrototype.getHighBits = function getHighBits() {
        return this.high;
      };
      LongPrototype.getHighBitsUnsigned = function getHighBitsUnsigned() {
        return this.high >>> 0;
      };
      LongPrototype.getLowBits = function getLowBits() {
        return this.low;
      };
      LongPrototype.getLowBitsUnsigned = function getLowBitsUnsigned() {
        return this.low >>> 0;
      };
      LongPrototype.getNumBitsAbs = function getNumBitsAbs() {
        if (this.isNegative())
          return this.eq(MIN_VALUE) ? 64 : this.neg().getNumBitsAbs();
        var val = this.high != 0 ? this.high : this.low;
        for (var bit = 31; bit > 0; bit--)
          if ((val & 1 << bit) != 0)
            break;
        return this.high != 0 ? bit + 33 : bit + 1;
      };
      LongPrototype.isZero = function isZero() {
        return this.high === 0 && this.low === 0;
      };
      LongPrototype.isNegative = function isNegative() {
        return !this.unsigned && this.high < 0;
      };
      LongPrototype.isPositive = function isPositive() {
        return this.unsigned || this.high >= 0;
      };
      LongPrototype.isOdd = function isOdd() {
        return (this.low & 1) === 1;
      };
      LongPrototype.isEven = function isEven() {
        return (this.low & 1) === 0;
      };
      LongPrototype.equals = function equals(other) {
        if (!isLong(other))
          other = fromValue(other);
        if (this.unsigned !== other.unsigned && this.high >>> 31 === 1 && other.high >>> 31 === 1)
          return false;
        return this.high === other.high && this.low === other.low;
      };
      LongPrototype.eq = LongPrototype.equals;
      LongPrototype.notEquals = function notEquals(other) {
        return !this.eq(
          /* validates */
          other
        );
      };
      LongPrototype.neq = LongPrototype.notEquals;
      LongPrototype.lessThan = function lessThan(other) {
        return this.comp(
          /* validates */
          other
        ) < 0;
      };
      LongPrototype.lt = LongPrototype.lessThan;
      LongPrototype.lessThanOrEqual = function lessThanOrEqual(other) {
        return this.comp(
          /* validates */
          other
        ) <= 0;
      };
      LongPrototype.lte = LongPrototype.lessThanOrEqual;
      LongPrototype.greaterThan = function greaterThan(other) {
        return this.comp(
          /* validates */
          other
        ) > 0;
      };
      LongPrototype.gt = LongPrototype.greaterThan;
      LongPrototype.greaterThanOrEqual = function greaterThanOrEqual(other) {
        return this.comp(
          /* validates */
          other
        ) >= 0;
      };
      LongPrototype.gte = LongPrototype.greaterThanOrEqual;
      LongPrototype.compare = function compare(other) {
        if (!isLong(other))
          other = fromValue(other);
        if (this.eq(other))
          return 0;
        var thisNeg = this.isNegative(), otherNeg = other.isNegative();
        if (thisNeg && !otherNeg)
          return -1;
        if (!thisNeg && otherNeg)
          return 1;
        if (!this.unsigned)
          return this.sub(other).isNegative() ? -1 : 1;
        return other.high >>> 0 > this.high >>> 0 || other.high === this.high && other.low >>> 0 > this.low >>> 0 ? -1 : 1;
      };
      LongPrototype.comp = LongPrototype.compare;
      LongPrototype.negate = function negate() {
        if (!this.unsigned && this.eq(MIN_VALUE))
          return MIN_VALUE;
        return this.not().add(ONE);
      };
      LongPrototype.neg = LongPrototype.negate;
      LongPrototype.add = function add(addend) {
        if (!isLong(addend))
          addend = fromValue(addend);
        var a48 = this.high >>> 16;
        var a32 = this.high & 65535;
        var a16 = this.low >>> 16;
        var a00 = this.low & 65535;
        var b48 = addend.high >>> 16;
        var b32 = addend.high & 65535;
        var b16 = addend.low >>> 16;
        var b00 = addend.low & 65535;
        var c48 = 0, c32 = 0, c16 = 0, c00 = 0;
        c00 += a00 + b00;
        c16 += c00 >>> 16;
        c00 &= 65535;
        c16 += a16 + b16;
        c32 += c16 >>> 16;
        c16 &= 65535;
        c32 += a32 + b32;
        c48 += c32 >>> 16;
        c32 &= 65535;
        c48 += a48 + b48;
        c48 &= 65535;
        return fromBits(c16 << 16 | c00, c48 << 16 | c32, this.unsigned);
      };
      LongPrototype.subtract = function subtract(subtrahend) {
        if (!isLong(subtrahend))
          subtrahend = fromValue(subtrahend);
        return this.add(subtrahend.neg());
      };
      LongPrototype.sub = LongPrototype.subtract;
      LongPrototype.multiply = function multiply(multiplier) {
        if (this.isZero())
          return ZERO;
        if (!isLong(multiplier))
          multiplier = fromValue(multiplier);
        if (multiplier.isZero())
          return ZERO;
        if (this.eq(MIN_VALUE))
          return multiplier.isOdd() ? MIN_VALUE : ZERO;
        if (multiplier.eq(MIN_VALUE))
          return this.isOdd() ? MIN_VALUE : ZERO;
        if (this.isNegative()) {
          if (multiplier.isNegative())
            return this.neg().mul(multiplier.neg());
          else
            return this.neg().mul(multiplier).neg();
        } else if (multiplier.isNegative())
          return this.mul(multiplier.neg()).neg();
        if (this.lt(TWO_PWR_24) && multiplier.lt(TWO_PWR_24))
          return fromNumber(this.toNumber() * multiplier.toNumber(), this.unsigned);
        var a48 = this.high >>> 16;
        var a32 = this.high & 65535;
        var a16 = this.low >>> 16;
        var a00 = this.low & 65535;
        var b48 = multiplier.high >>> 16;
        var b32 = multiplier.high & 65535;
        var b16 = multiplier.low >>> 16;
        var b00 = multiplier.low & 65535;
        var c48 = 0, c32 = 0, c16 = 0, c00 = 0;
        c00 += a00 * b00;
        c16 += c00 >>> 16;
        c00 &= 65535;
        c16 += a16 * b00;
        c32 += c16 >>> 16;
        c16 &= 65535;
        c16 += a00 * b16;
        c32 += c16 >>> 16;
        c16 &= 65535;
        c32 += a32 * b00;
        c48 += c32 >>> 16;
        c32 &= 65535;
        c32 += a16 * b16;
        c48 += c32 >>> 16;
        c32 &= 65535;
        c32 += a00 * b32;
        c48 += c32 >>> 16;
        c32 &= 65535;
        c48 += a48 * b00 + a32 * b16 + a16 * b32 + a00 * b48;
        c48 &= 65535;
        return fromBits(c16 << 16 | c00, c48 << 16 | c32, this.unsigned);
      };
      LongPrototype.mul = LongPrototype.multiply;
      LongPrototype.divide = function divide(divisor) {
        if (!isLong(divisor))
          divisor = fromValue(divisor);
        if (divisor.isZero())
          throw Error("division by zero");
        if (this.isZero())
          return this.unsigned ? UZERO : ZERO;
        var approx, rem, res;
        if (!this.unsigned) {
          if (this.eq(MIN_VALUE)) {
            if (divisor.eq(ONE) || divisor.eq(NEG_ONE))
              return MIN_VALUE;
            else if (divisor.eq(MIN_VALUE))
              return ONE;
            else {
              var halfThis = this.shr(1);
              approx = halfThis.div(divisor).shl(1);
              if (approx.eq(ZERO)) {
                return divisor.isNegative() ? ONE : NEG_ONE;
              } else {
                rem = this.sub(divisor.mul(approx));
                res = approx.add(rem.div(divisor));
                return res;
              }
            }
          } else if (divisor.eq(MIN_VALUE))
            return this.unsigned ? UZERO : ZERO;
          if (this.isNegative()) {
            if (divisor.isNegative())
              return this.neg().div(divisor.neg());
            return this.neg().div(divisor).neg();
          } else if (divisor.isNegative())
            return this.div(divisor.neg()).neg();
          res = ZERO;
        } else {
          if (!divisor.unsigned)
            divisor = divisor.toUnsigned();
          if (divisor.gt(this))
            return UZERO;
          if (divisor.gt(this.shru(1)))
            return UONE;
          res = UZERO;
        }
        rem = this;
        while (rem.gte(divisor)) {
          approx = Math.max(1, Math.floor(rem.toNumber() / divisor.toNumber()));
          var log2 = Math.ceil(Math.log(approx) / Math.LN2), delta = log2 <= 48 ? 1 : pow_dbl(2, log2 - 48), approxRes = fromNumber(approx), approxRem = approxRes.mul(divisor);
          while (approxRem.isNegative() || approxRem.gt(rem)) {
            approx -= delta;
            approxRes = fromNumber(approx, this.unsigned);
            approxRem = approxRes.mul(divisor);
          }
          if (approxRes.isZero())
            approxRes = ONE;
          res = res.add(approxRes);
          rem = rem.sub(approxRem);
        }
        return res;
      };
      LongPrototype.div = LongPrototype.divide;
      LongPrototype.modulo = function modulo(divisor) {
        if (!isLong(divisor))
          divisor = fromValue(divisor);
        return this.sub(this.div(divisor).mul(divisor));
      };
      LongPrototype.mod = LongPrototype.modulo;
      LongPrototype.not = function not() {
        return fromBits(~this.low, ~this.high, this.unsigned);
      };
      LongPrototype.and = function and(other) {
        if (!isLong(other))
          other = fromValue(other);
        return fromBits(this.low & other.low, this.high & other.high, this.unsigned);
      };
      LongPrototype.or = function or(other) {
        if (!isLong(other))
          other = fromValue(other);
        return fromBits(this.low | other.low, this.high | other.high, this.unsigned);
      };
      LongPrototype.xor = function xor(other) {
        if (!isLong(other))
          other = fromValue(other);
        return fromBits(this.low ^ other.low, this.high ^ other.high, this.unsigned);
      };
      LongPrototype.shiftLeft = function shiftLeft(numBits) {
        if (isLong(numBits))
          numBits = numBits.toInt();
        if ((numBits &= 63) === 0)
          return this;
        else if (numBits < 32)
          return fromBits(this.low << numBits, this.high << numBits | this.low >>> 32 - numBits, this.unsigned);
        else
          return fromBits(0, this.low << numBits - 32, this.unsigned);
      };
      LongPrototype.shl = LongPrototype.shiftLeft;
      LongPrototype.shiftRight = function shiftRight(numBits) {
        if (isLong(numBits))
          numBits = numBits.toInt();
        if ((numBits &= 63) === 0)
          return this;
        else if (numBits < 32)
          return fromBits(this.low >>> numBits | this.high << 32 - numBits, this.high >> numBits, this.unsigned);
        else
          return fromBits(this.high >> numBits - 32, this.high >= 0 ? 0 : -1, this.unsigned);
      };
      LongPrototype.shr = LongPrototype.shiftRight;
      LongPrototype.shiftRightUnsigned = function shiftRightUnsigned(numBits) {
        if (isLong(numBits))
          numBits = numBits.toInt();
        numBits &= 63;
        if (numBits === 0)
          return this;
        else {
          var high = this.high;
          if (numBits < 32) {
            var low = this.low;
            return fromBits(low >>> numBits | high << 32 - numBits, high >>> numBits, this.unsigned);
          } else if (numBits === 32)
            return fromBits(high, 0, this.unsigned);
          else
            return fromBits(high >>> numBits - 32, 0, this.unsigned);
        }
      };
      LongPrototype.shru = LongPrototype.shiftRightUnsigned;
      LongPrototype.toSigned = function toSigned() {
        if (!this.unsigned)
          return this;
        return fromBits(this.low, this.high, false);
      };
      LongPrototype.toUnsigned = function toUnsigned() {
        if (this.unsigned)
          return this;
        return fromBits(this.low, this.high, true);
      };
      LongPrototype.toBytes = function(le) {
        return le ? this.toBytesLE() : this.toBytesBE();
      };
      LongPrototype.toBytesLE = function() {
        var hi = this.high, lo = this.low;
        return [
          lo & 255,
          lo >>> 8 & 255,
          lo >>> 16 & 255,
          lo >>> 24 & 255,
          hi & 255,
          hi >>> 8 & 255,
          hi >>> 16 & 255,
          hi >>> 24 & 255
        ];
      };
      LongPrototype.toBytesBE = function() {
        var hi = this.high, lo = this.low;
        return [
          hi >>> 24 & 255,
          hi >>> 16 & 255,
          hi >>> 8 & 255,
          hi & 255,
          lo >>> 24 & 255,
          lo >>> 16 & 255,
          lo >>> 8 & 255,
          lo & 255
        ];
      };
      return Long;
    });
  }
});

// node_modules/extensible-error/dist/src/index.js
var require_src2 = __commonJS({
  "node_modules/extensible-error/dist/src/index.js"(exports, module) {
    "use strict";
    var ExtensibleError = class extends Error {
      constructor(message) {
        super();
        Object.defineProperty(this, "message", {
          configurable: true,
          enumerable: false,
          value: message !== void 0 ? String(message) : ""
        });
        Object.defineProperty(this, "name", {
          configurable: true,
          enumerable: false,
          value: this.constructor.name
        });
        if (typeof Error.captureStackTrace === "function") {
          Error.captureStackTrace(this, this.constructor);
        }
      }
    };
    module.exports = ExtensibleError;
  }
});

// node_modules/ilp-packet/dist/src/errors.js
var require_errors2 = __commonJS({
  "node_modules/ilp-packet/dist/src/errors.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    var oer_utils_1 = require_src();
    var uint64_1 = require_uint64();
    var BaseError = require_src2();
    exports.codes = {
      F00_BAD_REQUEST: "F00",
      F01_INVALID_PACKET: "F01",
      F02_UNREACHABLE: "F02",
      F03_INVALID_AMOUNT: "F03",
      F04_INSUFFICIENT_DESTINATION_AMOUNT: "F04",
      F05_WRONG_CONDITION: "F05",
      F06_UNEXPECTED_PAYMENT: "F06",
      F07_CANNOT_RECEIVE: "F07",
      F08_AMOUNT_TOO_LARGE: "F08",
      F99_APPLICATION_ERROR: "F99",
      T00_INTERNAL_ERROR: "T00",
      T01_PEER_UNREACHABLE: "T01",
      T02_PEER_BUSY: "T02",
      T03_CONNECTOR_BUSY: "T03",
      T04_INSUFFICIENT_LIQUIDITY: "T04",
      T05_RATE_LIMITED: "T05",
      T99_APPLICATION_ERROR: "T99",
      R00_TRANSFER_TIMED_OUT: "R00",
      R01_INSUFFICIENT_SOURCE_AMOUNT: "R01",
      R02_INSUFFICIENT_TIMEOUT: "R02",
      R99_APPLICATION_ERROR: "R99"
    };
    var BadRequestError = class extends BaseError {
      constructor(message) {
        super(message);
        this.ilpErrorCode = exports.codes.F00_BAD_REQUEST;
      }
    };
    exports.BadRequestError = BadRequestError;
    var InvalidPacketError = class extends BaseError {
      constructor(message) {
        super(message);
        this.ilpErrorCode = exports.codes.F01_INVALID_PACKET;
      }
    };
    exports.InvalidPacketError = InvalidPacketError;
    var UnreachableError = class extends BaseError {
      constructor(message) {
        super(message);
        this.ilpErrorCode = exports.codes.F02_UNREACHABLE;
      }
    };
    exports.UnreachableError = UnreachableError;
    var InvalidAmountError = class extends BaseError {
      constructor(message) {
        super(message);
        this.ilpErrorCode = exports.codes.F03_INVALID_AMOUNT;
      }
    };
    exports.InvalidAmountError = InvalidAmountError;
    var InsufficientDestinationAmountError = class extends BaseError {
      constructor(message) {
        super(message);
        this.ilpErrorCode = exports.codes.F04_INSUFFICIENT_DESTINATION_AMOUNT;
      }
    };
    exports.InsufficientDestinationAmountError = InsufficientDestinationAmountError;
    var WrongConditionError = class extends BaseError {
      constructor(message) {
        super(message);
        this.ilpErrorCode = exports.codes.F05_WRONG_CONDITION;
      }
    };
    exports.WrongConditionError = WrongConditionError;
    var UnexpectedPaymentError = class extends BaseError {
      constructor(message) {
        super(message);
        this.ilpErrorCode = exports.codes.F06_UNEXPECTED_PAYMENT;
      }
    };
    exports.UnexpectedPaymentError = UnexpectedPaymentError;
    var CannotReceiveError = class extends BaseError {
      constructor(message) {
        super(message);
        this.ilpErrorCode = exports.codes.F07_CANNOT_RECEIVE;
      }
    };
    exports.CannotReceiveError = CannotReceiveError;
    var AmountTooLargeError = class extends BaseError {
      constructor(message, opts) {
        super(message);
        this.ilpErrorCode = exports.codes.F08_AMOUNT_TOO_LARGE;
        const writer = new oer_utils_1.Writer();
        writer.writeUInt64(uint64_1.stringToTwoNumbers(opts.receivedAmount));
        writer.writeUInt64(uint64_1.stringToTwoNumbers(opts.maximumAmount));
        this.ilpErrorData = writer.getBuffer();
      }
    };
    exports.AmountTooLargeError = AmountTooLargeError;
    var FinalApplicationError = class extends BaseError {
      constructor(message, data) {
        super(message);
        this.ilpErrorCode = exports.codes.F99_APPLICATION_ERROR;
        this.ilpErrorData = data;
      }
    };
    exports.FinalApplicationError = FinalApplicationError;
    var InternalError = class extends BaseError {
      constructor(message) {
        super(message);
        this.ilpErrorCode = exports.codes.T00_INTERNAL_ERROR;
      }
    };
    exports.InternalError = InternalError;
    var PeerUnreachableError = class extends BaseError {
      constructor(message) {
        super(message);
        this.ilpErrorCode = exports.codes.T01_PEER_UNREACHABLE;
      }
    };
    exports.PeerUnreachableError = PeerUnreachableError;
    var PeerBusyError = class extends BaseError {
      constructor(message) {
        super(message);
        this.ilpErrorCode = exports.codes.T02_PEER_BUSY;
      }
    };
    exports.PeerBusyError = PeerBusyError;
    var ConnectorBusyError = class extends BaseError {
      constructor(message) {
        super(message);
        this.ilpErrorCode = exports.codes.T03_CONNECTOR_BUSY;
      }
    };
    exports.ConnectorBusyError = ConnectorBusyError;
    var InsufficientLiquidityError = class extends BaseError {
      constructor(message) {
        super(message);
        this.ilpErrorCode = exports.codes.T04_INSUFFICIENT_LIQUIDITY;
      }
    };
    exports.InsufficientLiquidityError = InsufficientLiquidityError;
    var RateLimitedError = class extends BaseError {
      constructor(message) {
        super(message);
        this.ilpErrorCode = exports.codes.T05_RATE_LIMITED;
      }
    };
    exports.RateLimitedError = RateLimitedError;
    var TemporaryApplicationError = class extends BaseError {
      constructor(message, data) {
        super(message);
        this.ilpErrorCode = exports.codes.T99_APPLICATION_ERROR;
        this.ilpErrorData = data;
      }
    };
    exports.TemporaryApplicationError = TemporaryApplicationError;
    var TransferTimedOutError = class extends BaseError {
      constructor(message) {
        super(message);
        this.ilpErrorCode = exports.codes.R00_TRANSFER_TIMED_OUT;
      }
    };
    exports.TransferTimedOutError = TransferTimedOutError;
    var InsufficientSourceAmountError = class extends BaseError {
      constructor(message) {
        super(message);
        this.ilpErrorCode = exports.codes.R01_INSUFFICIENT_SOURCE_AMOUNT;
      }
    };
    exports.InsufficientSourceAmountError = InsufficientSourceAmountError;
    var InsufficientTimeoutError = class extends BaseError {
      constructor(message) {
        super(message);
        this.ilpErrorCode = exports.codes.R02_INSUFFICIENT_TIMEOUT;
      }
    };
    exports.InsufficientTimeoutError = InsufficientTimeoutError;
    var RelativeApplicationError = class extends BaseError {
      constructor(message, data) {
        super(message);
        this.ilpErrorCode = exports.codes.R99_APPLICATION_ERROR;
        this.ilpErrorData = data;
      }
    };
    exports.RelativeApplicationError = RelativeApplicationError;
  }
});

// node_modules/ilp-packet/dist/index.js
var require_dist = __commonJS({
  "node_modules/ilp-packet/dist/index.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    var oer_utils_1 = require_src();
    var date_1 = require_date();
    var uint64_1 = require_uint64();
    var Long = require_long();
    var assert = __require("assert");
    var errors = require_errors2();
    exports.Errors = errors;
    var Type;
    (function(Type2) {
      Type2[Type2["TYPE_ILP_PAYMENT"] = 1] = "TYPE_ILP_PAYMENT";
      Type2[Type2["TYPE_ILQP_LIQUIDITY_REQUEST"] = 2] = "TYPE_ILQP_LIQUIDITY_REQUEST";
      Type2[Type2["TYPE_ILQP_LIQUIDITY_RESPONSE"] = 3] = "TYPE_ILQP_LIQUIDITY_RESPONSE";
      Type2[Type2["TYPE_ILQP_BY_SOURCE_REQUEST"] = 4] = "TYPE_ILQP_BY_SOURCE_REQUEST";
      Type2[Type2["TYPE_ILQP_BY_SOURCE_RESPONSE"] = 5] = "TYPE_ILQP_BY_SOURCE_RESPONSE";
      Type2[Type2["TYPE_ILQP_BY_DESTINATION_REQUEST"] = 6] = "TYPE_ILQP_BY_DESTINATION_REQUEST";
      Type2[Type2["TYPE_ILQP_BY_DESTINATION_RESPONSE"] = 7] = "TYPE_ILQP_BY_DESTINATION_RESPONSE";
      Type2[Type2["TYPE_ILP_ERROR"] = 8] = "TYPE_ILP_ERROR";
      Type2[Type2["TYPE_ILP_FULFILLMENT"] = 9] = "TYPE_ILP_FULFILLMENT";
      Type2[Type2["TYPE_ILP_FORWARDED_PAYMENT"] = 10] = "TYPE_ILP_FORWARDED_PAYMENT";
      Type2[Type2["TYPE_ILP_REJECTION"] = 11] = "TYPE_ILP_REJECTION";
      Type2[Type2["TYPE_ILP_PREPARE"] = 12] = "TYPE_ILP_PREPARE";
      Type2[Type2["TYPE_ILP_FULFILL"] = 13] = "TYPE_ILP_FULFILL";
      Type2[Type2["TYPE_ILP_REJECT"] = 14] = "TYPE_ILP_REJECT";
    })(Type = exports.Type || (exports.Type = {}));
    exports.errorToReject = (address, error) => {
      return exports.serializeIlpReject({
        code: error.ilpErrorCode || "F00",
        triggeredBy: address,
        message: error.message || "",
        data: error.ilpErrorData || Buffer.alloc(0)
      });
    };
    exports.serializeEnvelope = (type, contents) => {
      const writer = new oer_utils_1.Writer();
      writer.writeUInt8(type);
      writer.writeVarOctetString(contents);
      return writer.getBuffer();
    };
    exports.deserializeEnvelope = (binary) => {
      const envelopeReader = oer_utils_1.Reader.from(binary);
      const type = envelopeReader.readUInt8();
      const contents = envelopeReader.readVarOctetString();
      return { type, contents };
    };
    exports.serializeIlpPayment = (json) => {
      assert(json.amount && typeof json.amount === "string", "amount must be a string");
      assert(typeof json.account === "string", "account is required");
      assert(!json.data || Buffer.isBuffer(json.data), "data must be a buffer");
      const writer = new oer_utils_1.Writer();
      const amount = Long.fromString(json.amount, true);
      writer.writeUInt32(amount.getHighBitsUnsigned());
      writer.writeUInt32(amount.getLowBitsUnsigned());
      writer.writeVarOctetString(Buffer.from(json.account, "ascii"));
      writer.writeVarOctetString(json.data || Buffer.alloc(0));
      writer.writeUInt8(0);
      return exports.serializeEnvelope(Type.TYPE_ILP_PAYMENT, writer.getBuffer());
    };
    exports.deserializeIlpPayment = (binary) => {
      const { type, contents } = exports.deserializeEnvelope(binary);
      if (type !== Type.TYPE_ILP_PAYMENT) {
        throw new Error("Packet has incorrect type");
      }
      const reader = oer_utils_1.Reader.from(contents);
      const highBits = reader.readUInt32();
      const lowBits = reader.readUInt32();
      const amount = Long.fromBits(lowBits, highBits, true).toString();
      const account = reader.readVarOctetString().toString("ascii");
      const data = reader.readVarOctetString();
      return {
        amount,
        account,
        data
      };
    };
    exports.serializeIlpForwardedPayment = (json) => {
      assert(typeof json.account === "string", "account must be a string");
      assert(!json.data || Buffer.isBuffer(json.data), "data must be a buffer");
      const writer = new oer_utils_1.Writer();
      writer.writeVarOctetString(Buffer.from(json.account, "ascii"));
      writer.writeVarOctetString(json.data || Buffer.alloc(0));
      writer.writeUInt8(0);
      return exports.serializeEnvelope(Type.TYPE_ILP_FORWARDED_PAYMENT, writer.getBuffer());
    };
    exports.deserializeIlpForwardedPayment = (binary) => {
      const { type, contents } = exports.deserializeEnvelope(binary);
      if (type !== Type.TYPE_ILP_FORWARDED_PAYMENT) {
        throw new Error("Packet has incorrect type");
      }
      const reader = oer_utils_1.Reader.from(contents);
      const account = reader.readVarOctetString().toString("ascii");
      const data = reader.readVarOctetString();
      return {
        account,
        data
      };
    };
    exports.serializeIlqpLiquidityRequest = (json) => {
      assert(typeof json.destinationAccount === "string", "destinationAccount must be a string");
      assert(typeof json.destinationHoldDuration === "number", "destinationHoldDuration must be a number");
      const writer = new oer_utils_1.Writer();
      writer.writeVarOctetString(Buffer.from(json.destinationAccount, "ascii"));
      writer.writeUInt32(json.destinationHoldDuration);
      writer.writeUInt8(0);
      return exports.serializeEnvelope(Type.TYPE_ILQP_LIQUIDITY_REQUEST, writer.getBuffer());
    };
    exports.deserializeIlqpLiquidityRequest = (binary) => {
      const { type, contents } = exports.deserializeEnvelope(binary);
      if (type !== Type.TYPE_ILQP_LIQUIDITY_REQUEST) {
        throw new Error("Packet has incorrect type");
      }
      const reader = oer_utils_1.Reader.from(contents);
      const destinationAccount = reader.readVarOctetString().toString("ascii");
      const destinationHoldDuration = reader.readUInt32();
      return {
        destinationAccount,
        destinationHoldDuration
      };
    };
    var SIZE_OF_POINT = 16;
    exports.serializeIlqpLiquidityResponse = (json) => {
      assert(Buffer.isBuffer(json.liquidityCurve), "liquidityCurve must be a buffer");
      assert(typeof json.appliesToPrefix === "string", "appliesToPrefix must be a string");
      assert(typeof json.sourceHoldDuration === "number", "sourceHoldDuration must be a number");
      assert(json.expiresAt instanceof Date, "expiresAt must be a Date object");
      const writer = new oer_utils_1.Writer();
      if (json.liquidityCurve.length % SIZE_OF_POINT !== 0) {
        throw new Error("invalid liquidity curve, length must be multiple of " + SIZE_OF_POINT + ", but was: " + json.liquidityCurve.length);
      }
      writer.writeVarUInt(json.liquidityCurve.length / SIZE_OF_POINT);
      writer.write(json.liquidityCurve);
      writer.writeVarOctetString(Buffer.from(json.appliesToPrefix, "ascii"));
      writer.writeUInt32(json.sourceHoldDuration);
      writer.writeVarOctetString(Buffer.from(date_1.dateToGeneralizedTime(json.expiresAt), "ascii"));
      writer.writeUInt8(0);
      return exports.serializeEnvelope(Type.TYPE_ILQP_LIQUIDITY_RESPONSE, writer.getBuffer());
    };
    exports.deserializeIlqpLiquidityResponse = (binary) => {
      const { type, contents } = exports.deserializeEnvelope(binary);
      if (type !== Type.TYPE_ILQP_LIQUIDITY_RESPONSE) {
        throw new Error("Packet has incorrect type");
      }
      const reader = oer_utils_1.Reader.from(contents);
      const numPoints = reader.readVarUInt();
      const liquidityCurve = reader.read(numPoints * SIZE_OF_POINT);
      const appliesToPrefix = reader.readVarOctetString().toString("ascii");
      const sourceHoldDuration = reader.readUInt32();
      const expiresAt = date_1.generalizedTimeToDate(reader.readVarOctetString().toString("ascii"));
      return {
        liquidityCurve,
        appliesToPrefix,
        sourceHoldDuration,
        expiresAt
      };
    };
    exports.serializeIlqpBySourceRequest = (json) => {
      assert(typeof json.destinationAccount === "string", "destinationAccount must be a string");
      assert(json.sourceAmount && typeof json.sourceAmount === "string", "sourceAmount must be a string");
      const writer = new oer_utils_1.Writer();
      writer.writeVarOctetString(Buffer.from(json.destinationAccount, "ascii"));
      writer.writeUInt64(uint64_1.stringToTwoNumbers(json.sourceAmount));
      writer.writeUInt32(json.destinationHoldDuration);
      writer.writeUInt8(0);
      return exports.serializeEnvelope(Type.TYPE_ILQP_BY_SOURCE_REQUEST, writer.getBuffer());
    };
    exports.deserializeIlqpBySourceRequest = (binary) => {
      const { type, contents } = exports.deserializeEnvelope(binary);
      if (type !== Type.TYPE_ILQP_BY_SOURCE_REQUEST) {
        throw new Error("Packet has incorrect type");
      }
      const reader = oer_utils_1.Reader.from(contents);
      const destinationAccount = reader.readVarOctetString().toString("ascii");
      const sourceAmount = uint64_1.twoNumbersToString(reader.readUInt64());
      const destinationHoldDuration = reader.readUInt32();
      return {
        destinationAccount,
        sourceAmount,
        destinationHoldDuration
      };
    };
    exports.serializeIlqpBySourceResponse = (json) => {
      const writer = new oer_utils_1.Writer();
      writer.writeUInt64(uint64_1.stringToTwoNumbers(json.destinationAmount));
      writer.writeUInt32(json.sourceHoldDuration);
      writer.writeUInt8(0);
      return exports.serializeEnvelope(Type.TYPE_ILQP_BY_SOURCE_RESPONSE, writer.getBuffer());
    };
    exports.deserializeIlqpBySourceResponse = (binary) => {
      const { type, contents } = exports.deserializeEnvelope(binary);
      if (type !== Type.TYPE_ILQP_BY_SOURCE_RESPONSE) {
        throw new Error("Packet has incorrect type");
      }
      const reader = oer_utils_1.Reader.from(contents);
      const destinationAmount = uint64_1.twoNumbersToString(reader.readUInt64());
      const sourceHoldDuration = reader.readUInt32();
      return {
        destinationAmount,
        sourceHoldDuration
      };
    };
    exports.serializeIlqpByDestinationRequest = (json) => {
      const writer = new oer_utils_1.Writer();
      writer.writeVarOctetString(Buffer.from(json.destinationAccount, "ascii"));
      writer.writeUInt64(uint64_1.stringToTwoNumbers(json.destinationAmount));
      writer.writeUInt32(json.destinationHoldDuration);
      writer.writeUInt8(0);
      return exports.serializeEnvelope(Type.TYPE_ILQP_BY_DESTINATION_REQUEST, writer.getBuffer());
    };
    exports.deserializeIlqpByDestinationRequest = (binary) => {
      const { type, contents } = exports.deserializeEnvelope(binary);
      if (type !== Type.TYPE_ILQP_BY_DESTINATION_REQUEST) {
        throw new Error("Packet has incorrect type");
      }
      const reader = oer_utils_1.Reader.from(contents);
      const destinationAccount = reader.readVarOctetString().toString("ascii");
      const destinationAmount = uint64_1.twoNumbersToString(reader.readUInt64());
      const destinationHoldDuration = reader.readUInt32();
      return {
        destinationAccount,
        destinationAmount,
        destinationHoldDuration
      };
    };
    exports.serializeIlqpByDestinationResponse = (json) => {
      const writer = new oer_utils_1.Writer();
      writer.writeUInt64(uint64_1.stringToTwoNumbers(json.sourceAmount));
      writer.writeUInt32(json.sourceHoldDuration);
      writer.writeUInt8(0);
      return exports.serializeEnvelope(Type.TYPE_ILQP_BY_DESTINATION_RESPONSE, writer.getBuffer());
    };
    exports.deserializeIlqpByDestinationResponse = (binary) => {
      const { type, contents } = exports.deserializeEnvelope(binary);
      if (type !== Type.TYPE_ILQP_BY_DESTINATION_RESPONSE) {
        throw new Error("Packet has incorrect type");
      }
      const reader = oer_utils_1.Reader.from(contents);
      const sourceAmount = uint64_1.twoNumbersToString(reader.readUInt64());
      const sourceHoldDuration = reader.readUInt32();
      return {
        sourceAmount,
        sourceHoldDuration
      };
    };
    var ILP_ERROR_CODE_LENGTH = 3;
    exports.serializeIlpError = (json) => {
      const writer = new oer_utils_1.Writer();
      const codeBuffer = Buffer.from(json.code, "ascii");
      if (codeBuffer.length !== ILP_ERROR_CODE_LENGTH) {
        throw new Error("ILP error codes must be three bytes long, received: " + json.code);
      }
      writer.write(codeBuffer);
      writer.writeVarOctetString(Buffer.from(json.name, "ascii"));
      writer.writeVarOctetString(Buffer.from(json.triggeredBy, "ascii"));
      writer.writeVarUInt(json.forwardedBy.length);
      json.forwardedBy.forEach((forwardedBy) => {
        writer.writeVarOctetString(Buffer.from(forwardedBy, "ascii"));
      });
      writer.writeVarOctetString(Buffer.from(date_1.dateToGeneralizedTime(json.triggeredAt), "ascii"));
      writer.writeVarOctetString(Buffer.from(json.data, "ascii"));
      writer.writeUInt8(0);
      return exports.serializeEnvelope(Type.TYPE_ILP_ERROR, writer.getBuffer());
    };
    exports.deserializeIlpError = (binary) => {
      const { type, contents } = exports.deserializeEnvelope(binary);
      if (type !== Type.TYPE_ILP_ERROR) {
        throw new Error("Packet has incorrect type");
      }
      const reader = oer_utils_1.Reader.from(contents);
      const code = reader.read(ILP_ERROR_CODE_LENGTH).toString("ascii");
      const name = reader.readVarOctetString().toString("ascii");
      const triggeredBy = reader.readVarOctetString().toString("ascii");
      const forwardedByLength = reader.readVarUInt();
      const forwardedBy = new Array(forwardedByLength);
      for (let i = 0; i < forwardedByLength; i++) {
        forwardedBy[i] = reader.readVarOctetString().toString("ascii");
      }
      const triggeredAt = date_1.generalizedTimeToDate(reader.readVarOctetString().toString("ascii"));
      const data = reader.readVarOctetString().toString("ascii");
      return {
        code,
        name,
        triggeredBy,
        forwardedBy,
        triggeredAt,
        data
      };
    };
    exports.serializeIlpFulfillment = (json) => {
      const writer = new oer_utils_1.Writer();
      writer.writeVarOctetString(json.data || Buffer.alloc(0));
      writer.writeUInt8(0);
      return exports.serializeEnvelope(Type.TYPE_ILP_FULFILLMENT, writer.getBuffer());
    };
    exports.deserializeIlpFulfillment = (binary) => {
      const { type, contents } = exports.deserializeEnvelope(binary);
      if (type !== Type.TYPE_ILP_FULFILLMENT) {
        throw new Error("Packet has incorrect type");
      }
      const reader = oer_utils_1.Reader.from(contents);
      const data = reader.readVarOctetString();
      return {
        data
      };
    };
    exports.serializeIlpRejection = (json) => {
      const writer = new oer_utils_1.Writer();
      const codeBuffer = Buffer.from(json.code, "ascii");
      if (codeBuffer.length !== ILP_ERROR_CODE_LENGTH) {
        throw new Error("ILP error codes must be three bytes long, received: " + json.code);
      }
      writer.write(codeBuffer);
      writer.writeVarOctetString(Buffer.from(json.triggeredBy, "ascii"));
      writer.writeVarOctetString(Buffer.from(json.message, "utf8"));
      writer.writeVarOctetString(json.data || Buffer.alloc(0));
      writer.writeUInt8(0);
      return exports.serializeEnvelope(Type.TYPE_ILP_REJECTION, writer.getBuffer());
    };
    exports.deserializeIlpRejection = (binary) => {
      const { type, contents } = exports.deserializeEnvelope(binary);
      if (type !== Type.TYPE_ILP_REJECTION) {
        throw new Error("Packet has incorrect type");
      }
      const reader = oer_utils_1.Reader.from(contents);
      const code = reader.read(ILP_ERROR_CODE_LENGTH).toString("ascii");
      const triggeredBy = reader.readVarOctetString().toString("ascii");
      const message = reader.readVarOctetString().toString("utf8");
      const data = reader.readVarOctetString();
      return {
        code,
        triggeredBy,
        message,
        data
      };
    };
    exports.serializeIlpPrepare = (json) => {
      assert(json.amount && typeof json.amount === "string", "amount must be a string");
      assert(Buffer.isBuffer(json.executionCondition) && json.executionCondition.length === 32, "executionCondition must be a 32-byte buffer");
      assert(json.expiresAt && json.expiresAt instanceof Date, "expiresAt must be a Date");
      assert(typeof json.destination === "string", "destination is required");
      assert(!json.data || Buffer.isBuffer(json.data), "data must be a buffer");
      const writer = new oer_utils_1.Writer();
      const amount = Long.fromString(json.amount, true);
      writer.writeUInt32(amount.getHighBitsUnsigned());
      writer.writeUInt32(amount.getLowBitsUnsigned());
      writer.write(Buffer.from(date_1.dateToInterledgerTime(json.expiresAt), "ascii"));
      writer.write(json.executionCondition);
      writer.writeVarOctetString(Buffer.from(json.destination, "ascii"));
      writer.writeVarOctetString(json.data);
      return exports.serializeEnvelope(Type.TYPE_ILP_PREPARE, writer.getBuffer());
    };
    exports.deserializeIlpPrepare = (binary) => {
      const { type, contents } = exports.deserializeEnvelope(binary);
      if (type !== Type.TYPE_ILP_PREPARE) {
        throw new Error("Packet has incorrect type");
      }
      const reader = oer_utils_1.Reader.from(contents);
      const highBits = reader.readUInt32();
      const lowBits = reader.readUInt32();
      const amount = Long.fromBits(lowBits, highBits, true).toString();
      const expiresAt = date_1.interledgerTimeToDate(reader.read(date_1.INTERLEDGER_TIME_LENGTH).toString("ascii"));
      const executionCondition = reader.read(32);
      const destination = reader.readVarOctetString().toString("ascii");
      const data = reader.readVarOctetString();
      return {
        amount,
        executionCondition,
        expiresAt,
        destination,
        data
      };
    };
    exports.serializeIlpFulfill = (json) => {
      assert(Buffer.isBuffer(json.fulfillment) && json.fulfillment.length === 32, "fulfillment must be a 32-byte buffer");
      assert(!json.data || Buffer.isBuffer(json.data), "data must be a buffer");
      const writer = new oer_utils_1.Writer();
      writer.write(json.fulfillment);
      writer.writeVarOctetString(json.data);
      return exports.serializeEnvelope(Type.TYPE_ILP_FULFILL, writer.getBuffer());
    };
    exports.deserializeIlpFulfill = (binary) => {
      const { type, contents } = exports.deserializeEnvelope(binary);
      if (type !== Type.TYPE_ILP_FULFILL) {
        throw new Error("Packet has incorrect type");
      }
      const reader = oer_utils_1.Reader.from(contents);
      const fulfillment = reader.read(32);
      const data = reader.readVarOctetString();
      return {
        fulfillment,
        data
      };
    };
    exports.serializeIlpReject = (json) => {
      assert(json.code && typeof json.code === "string", "code must be a string");
      assert(typeof json.triggeredBy === "string", "triggeredBy must be a string");
      assert(typeof json.message === "string", "message must be a string");
      assert(!json.data || Buffer.isBuffer(json.data), "data must be a buffer");
      const writer = new oer_utils_1.Writer();
      const codeBuffer = Buffer.from(json.code, "ascii");
      if (codeBuffer.length !== ILP_ERROR_CODE_LENGTH) {
        throw new Error("ILP error codes must be three bytes long, received: " + json.code);
      }
      writer.write(codeBuffer);
      writer.writeVarOctetString(Buffer.from(json.triggeredBy, "ascii"));
      writer.writeVarOctetString(Buffer.from(json.message, "utf8"));
      writer.writeVarOctetString(json.data || Buffer.alloc(0));
      return exports.serializeEnvelope(Type.TYPE_ILP_REJECT, writer.getBuffer());
    };
    exports.deserializeIlpReject = (binary) => {
      const { type, contents } = exports.deserializeEnvelope(binary);
      if (type !== Type.TYPE_ILP_REJECT) {
        throw new Error("Packet has incorrect type");
      }
      const reader = oer_utils_1.Reader.from(contents);
      const code = reader.read(ILP_ERROR_CODE_LENGTH).toString("ascii");
      const triggeredBy = reader.readVarOctetString().toString("ascii");
      const message = reader.readVarOctetString().toString("utf8");
      const data = reader.readVarOctetString();
      return {
        code,
        triggeredBy,
        message,
        data
      };
    };
    exports.serializeIlpPacket = (obj) => {
      switch (obj.type) {
        case Type.TYPE_ILP_PAYMENT:
          return exports.serializeIlpPayment(obj.data);
        case Type.TYPE_ILQP_LIQUIDITY_REQUEST:
          return exports.serializeIlqpLiquidityRequest(obj.data);
        case Type.TYPE_ILQP_LIQUIDITY_RESPONSE:
          return exports.serializeIlqpLiquidityResponse(obj.data);
        case Type.TYPE_ILQP_BY_SOURCE_REQUEST:
          return exports.serializeIlqpBySourceRequest(obj.data);
        case Type.TYPE_ILQP_BY_SOURCE_RESPONSE:
          return exports.serializeIlqpBySourceResponse(obj.data);
        case Type.TYPE_ILQP_BY_DESTINATION_REQUEST:
          return exports.serializeIlqpByDestinationRequest(obj.data);
        case Type.TYPE_ILQP_BY_DESTINATION_RESPONSE:
          return exports.serializeIlqpByDestinationResponse(obj.data);
        case Type.TYPE_ILP_ERROR:
          return exports.serializeIlpError(obj.data);
        case Type.TYPE_ILP_FULFILLMENT:
          return exports.serializeIlpFulfillment(obj.data);
        case Type.TYPE_ILP_FORWARDED_PAYMENT:
          return exports.serializeIlpForwardedPayment(obj.data);
        case Type.TYPE_ILP_REJECTION:
          return exports.serializeIlpRejection(obj.data);
        case Type.TYPE_ILP_PREPARE:
          return exports.serializeIlpPrepare(obj.data);
        case Type.TYPE_ILP_FULFILL:
          return exports.serializeIlpFulfill(obj.data);
        case Type.TYPE_ILP_REJECT:
          return exports.serializeIlpReject(obj.data);
        default:
          throw new Error("Object has invalid type");
      }
    };
    exports.deserializeIlpPacket = (binary) => {
      let packet;
      let typeString;
      switch (binary[0]) {
        case Type.TYPE_ILP_PAYMENT:
          packet = exports.deserializeIlpPayment(binary);
          typeString = "ilp_payment";
          break;
        case Type.TYPE_ILQP_LIQUIDITY_REQUEST:
          packet = exports.deserializeIlqpLiquidityRequest(binary);
          typeString = "ilqp_liquidity_request";
          break;
        case Type.TYPE_ILQP_LIQUIDITY_RESPONSE:
          packet = exports.deserializeIlqpLiquidityResponse(binary);
          typeString = "ilqp_liquidity_response";
          break;
        case Type.TYPE_ILQP_BY_SOURCE_REQUEST:
          packet = exports.deserializeIlqpBySourceRequest(binary);
          typeString = "ilqp_by_source_request";
          break;
        case Type.TYPE_ILQP_BY_SOURCE_RESPONSE:
          packet = exports.deserializeIlqpBySourceResponse(binary);
          typeString = "ilqp_by_source_response";
          break;
        case Type.TYPE_ILQP_BY_DESTINATION_REQUEST:
          packet = exports.deserializeIlqpByDestinationRequest(binary);
          typeString = "ilqp_by_destination_request";
          break;
        case Type.TYPE_ILQP_BY_DESTINATION_RESPONSE:
          packet = exports.deserializeIlqpByDestinationResponse(binary);
          typeString = "ilqp_by_destination_response";
          break;
        case Type.TYPE_ILP_ERROR:
          packet = exports.deserializeIlpError(binary);
          typeString = "ilp_error";
          break;
        case Type.TYPE_ILP_FULFILLMENT:
          packet = exports.deserializeIlpFulfillment(binary);
          typeString = "ilp_fulfillment";
          break;
        case Type.TYPE_ILP_FORWARDED_PAYMENT:
          packet = exports.deserializeIlpForwardedPayment(binary);
          typeString = "ilp_forwarded_payment";
          break;
        case Type.TYPE_ILP_REJECTION:
          packet = exports.deserializeIlpRejection(binary);
          typeString = "ilp_rejection";
          break;
        case Type.TYPE_ILP_PREPARE:
          packet = exports.deserializeIlpPrepare(binary);
          typeString = "ilp_prepare";
          break;
        case Type.TYPE_ILP_FULFILL:
          packet = exports.deserializeIlpFulfill(binary);
          typeString = "ilp_fulfill";
          break;
        case Type.TYPE_ILP_REJECT:
          packet = exports.deserializeIlpReject(binary);
          typeString = "ilp_reject";
          break;
        default:
          throw new Error("Packet has invalid type");
      }
      return {
        type: binary[0],
        typeString,
        data: packet
      };
    };
  }
});

// node_modules/@mojaloop/sdk-standard-components/src/lib/ilp/currency.json
var require_currency = __commonJS({
  "node_modules/@mojaloop/sdk-standard-components/src/lib/ilp/currency.json"(exports, module) {
    module.exports = {
      AFN: 2,
      EUR: 2,
      ALL: 2,
      DZD: 2,
      USD: 2,
      AOA: 2,
      XCD: 2,
      ARS: 2,
      AMD: 2,
      AWG: 2,
      AUD: 2,
      AZN: 2,
      BSD: 2,
      BHD: 3,
      BDT: 2,
      BBD: 2,
      BYN: 2,
      BZD: 2,
      XOF: 0,
      BMD: 2,
      INR: 2,
      BTN: 2,
      BOB: 2,
      BOV: 2,
      BAM: 2,
      BWP: 2,
      NOK: 2,
      BRL: 2,
      BND: 2,
      BGN: 2,
      BIF: 0,
      CVE: 2,
      KHR: 2,
      XAF: 0,
      CAD: 2,
      KYD: 2,
      CLP: 0,
      CLF: 4,
      CNY: 2,
      COP: 2,
      COU: 2,
      KMF: 0,
      CDF: 2,
      NZD: 2,
      CRC: 2,
      HRK: 2,
      CUP: 2,
      CUC: 2,
      ANG: 2,
      CZK: 2,
      DKK: 2,
      DJF: 0,
      DOP: 2,
      EGP: 2,
      SVC: 2,
      ERN: 2,
      ETB: 2,
      FKP: 2,
      FJD: 2,
      XPF: 0,
      GMD: 2,
      GEL: 2,
      GHS: 2,
      GIP: 2,
      GTQ: 2,
      GBP: 2,
      GNF: 0,
      GYD: 2,
      HTG: 2,
      HNL: 2,
      HKD: 2,
      HUF: 2,
      ISK: 0,
      IDR: 2,
      IRR: 2,
      IQD: 3,
      ILS: 2,
      JMD: 2,
      JPY: 0,
      JOD: 3,
      KZT: 2,
      KES: 2,
      KPW: 2,
      KRW: 0,
      KWD: 3,
      KGS: 2,
      LAK: 2,
      LBP: 2,
      LSL: 2,
      ZAR: 2,
      LRD: 2,
      LYD: 3,
      CHF: 2,
      MOP: 2,
      MKD: 2,
      MGA: 2,
      MWK: 2,
      MYR: 2,
      MVR: 2,
      MRU: 2,
      MUR: 2,
      MXN: 2,
      MXV: 2,
      MDL: 2,
      MNT: 2,
      MAD: 2,
      MZN: 2,
      MMK: 2,
      NAD: 2,
      NPR: 2,
      NIO: 2,
      NGN: 2,
      OMR: 3,
      PKR: 2,
      PAB: 2,
      PGK: 2,
      PYG: 0,
      PEN: 2,
      PHP: 2,
      PLN: 2,
      QAR: 2,
      RON: 2,
      RUB: 2,
      RWF: 0,
      SHP: 2,
      WST: 2,
      STN: 2,
      SAR: 2,
      RSD: 2,
      SCR: 2,
      SLL: 2,
      SGD: 2,
      SBD: 2,
      SOS: 2,
      SSP: 2,
      LKR: 2,
      SDG: 2,
      SRD: 2,
      SZL: 2,
      SEK: 2,
      CHE: 2,
      CHW: 2,
      SYP: 2,
      TWD: 2,
      TJS: 2,
      TZS: 2,
      THB: 2,
      TOP: 2,
      TTD: 2,
      TND: 3,
      TRY: 2,
      TMT: 2,
      UGX: 0,
      UAH: 2,
      AED: 2,
      USN: 2,
      UYU: 2,
      UYI: 0,
      UYW: 4,
      UZS: 2,
      VUV: 0,
      VES: 2,
      VND: 0,
      YER: 2,
      ZMW: 2,
      ZWL: 2,
      XXX: 0,
      XTS: 0
    };
  }
});

// node_modules/@mojaloop/sdk-standard-components/src/lib/ilp/index.js
var require_ilp = __commonJS({
  "node_modules/@mojaloop/sdk-standard-components/src/lib/ilp/index.js"(exports, module) {
    "use strict";
    var Crypto = __require("crypto");
    var base64url = require_base64url2();
    var safeStringify = require_fast_safe_stringify();
    var ilpPacket = require_dist();
    var currencyDecimals = require_currency();
    var Ilp = class {
      constructor(config) {
        this.secret = config.secret;
        this.logger = config.logger || console;
      }
      /**
       * Generates the required fulfilment, ilpPacket and condition
       *
       * @returns {object} - object containing the fulfilment, ilp packet and condition values
       */
      getResponseIlp(transactionObject) {
        const ilpData = Buffer.from(base64url(JSON.stringify(transactionObject)));
        const packetInput = {
          amount: this._getIlpCurrencyAmount(transactionObject.amount),
          // unsigned 64bit integer as a string
          account: this._getIlpAddress(transactionObject.payee),
          // ilp address
          data: ilpData
          // base64url encoded attached data
        };
        const packet = ilpPacket.serializeIlpPayment(packetInput);
        let base64encodedIlpPacket = base64url.fromBase64(packet.toString("base64")).replace('"', "");
        let generatedFulfilment = this.calculateFulfil(base64encodedIlpPacket).replace('"', "");
        let generatedCondition = this.calculateConditionFromFulfil(generatedFulfilment).replace('"', "");
        const ret = {
          fulfilment: generatedFulfilment,
          ilpPacket: base64encodedIlpPacket,
          condition: generatedCondition
        };
        this.logger.isDebugEnabled() && this.logger.debug(`Generated ILP: transaction object: ${safeStringify(transactionObject)}
Packet input: ${safeStringify(packetInput)}
Output: ${safeStringify(ret)}`);
        return ret;
      }
      /**
       * Generates the required fulfilment, ilpPacket and condition for a quote response
       *
       * @returns {object} - object containing the fulfilment, ilp packet and condition values
       */
      getQuoteResponseIlp(quoteRequest, quoteResponse) {
        return this.getResponseIlp({
          transactionId: quoteRequest.transactionId,
          quoteId: quoteRequest.quoteId,
          payee: quoteRequest.payee,
          payer: quoteRequest.payer,
          amount: quoteResponse.transferAmount,
          transactionType: quoteRequest.transactionType,
          note: quoteResponse.note
        });
      }
      /**
       * Returns an ILP compatible amount as an unsigned 64bit integer as a string given a mojaloop
       * API spec amount object. Note that this is achieved by multiplying the amount by 10 ^ number
       * of decimal places.
       *
       * @returns {string} - unsigned 64bit integer as string
       */
      _getIlpCurrencyAmount(mojaloopAmount) {
        const { currency, amount } = mojaloopAmount;
        if (typeof currencyDecimals[currency] === "undefined") {
          throw new Error(`No decimal place data available for currency ${currency}`);
        }
        const decimalPlaces = currencyDecimals[currency];
        return `${Number(amount) * Math.pow(10, decimalPlaces)}`;
      }
      /**
       * Returns an ILP compatible address string given a mojaloop API spec party object.
       * Note that this consists of 4 parts:
       *  1. ILP address allocation scheme identifier (always the global allocation scheme)
       *  2. FSPID of the DFSP owning the party account
       *  3. Identifier type being used to identify the account
       *  4. Identifier of the account
       *
       * @returns {string} - ILP address of the specified party
       */
      _getIlpAddress(mojaloopParty) {
        if (!mojaloopParty || typeof mojaloopParty !== "object") {
          throw new Error("ILP party must be an objcet");
        }
        const { partyIdInfo } = mojaloopParty;
        if (!partyIdInfo || typeof partyIdInfo !== "object") {
          throw new Error("ILP party does not contain required partyIdInfo object");
        }
        const { fspId, partyIdType, partyIdentifier, partySubIdOrType } = partyIdInfo;
        if (!partyIdType || typeof partyIdType !== "string") {
          throw new Error("ILP party does not contain required partyIdInfo.partyIdType string value");
        }
        if (!partyIdentifier || typeof partyIdType !== "string") {
          throw new Error("ILP party does not contain required partyIdInfo.partyIdentifier string value");
        }
        if (partySubIdOrType !== void 0 && typeof partySubIdOrType !== "string") {
          throw new Error("ILP party partyIdInfo.partySubIdOrType should be a string value");
        }
        return `g.${fspId}.${partyIdType.toLowerCase()}.${partyIdentifier.toLowerCase()}` + (partySubIdOrType ? `.${partySubIdOrType.toLowerCase()}` : "");
      }
      /**
       * Validates a fulfilment against a condition
       *
       * @returns {boolean} - true is the fulfilment is valid, otherwise false
       */
      validateFulfil(fulfilment, condition) {
        let preimage = base64url.toBuffer(fulfilment);
        if (preimage.length !== 32) {
          return false;
        }
        let calculatedConditionDigest = this._sha256(preimage);
        let calculatedConditionUrlEncoded = base64url.fromBase64(calculatedConditionDigest);
        return calculatedConditionUrlEncoded === condition;
      }
      /**
       * Calculates a fulfilment given a base64 encoded ilp packet and a secret
       *
       * @returns {string} - string containing base64 encoded fulfilment
       */
      calculateFulfil(base64EncodedPacket) {
        var encodedSecret = Buffer.from(this.secret).toString("base64");
        var hmacsignature = Crypto.createHmac("sha256", new Buffer(encodedSecret, "ascii")).update(new Buffer(base64EncodedPacket, "ascii"));
        var generatedFulfilment = hmacsignature.digest("base64");
        return base64url.fromBase64(generatedFulfilment);
      }
      /**
       * Calculates a condition from a fulfilment
       *
       * @returns {string} - base64 encoded condition calculated from supplied fulfilment
       */
      calculateConditionFromFulfil(fulfilment) {
        var preimage = base64url.toBuffer(fulfilment);
        if (preimage.length !== 32) {
          throw new Error("Interledger preimages must be exactly 32 bytes.");
        }
        var calculatedConditionDigest = this._sha256(preimage);
        return base64url.fromBase64(calculatedConditionDigest);
      }
      _sha256(preimage) {
        return Crypto.createHash("sha256").update(preimage).digest("base64");
      }
      /**
       * Decodes an Ilp Packet
       *
       * @returns {object} - Ilp packet as JSON object
       */
      decodeIlpPacket(inputIlpPacket) {
        const binaryPacket = Buffer.from(inputIlpPacket, "base64");
        const jsonPacket = ilpPacket.deserializeIlpPayment(binaryPacket);
        return jsonPacket;
      }
      /**
       * Get the transaction object in the data field of an Ilp packet
       *
       * @returns {object} - Transaction Object
       */
      getTransactionObject(inputIlpPacket) {
        const jsonPacket = this.decodeIlpPacket(inputIlpPacket);
        const decodedData = base64url.decode(jsonPacket.data.toString());
        return JSON.parse(decodedData);
      }
      /**
       * Validate the transfer request against the decoded Ilp packet in it
       *
       * @returns {boolean} - True if the content in the transaction request is valid for Ilp packet
       */
      validateIlpAgainstTransferRequest(transferRequestBody) {
        const transactionObject = this.getTransactionObject(transferRequestBody.ilpPacket);
        if (transferRequestBody.payerFsp !== transactionObject.payer.partyIdInfo.fspId) {
          return false;
        }
        if (transferRequestBody.payeeFsp !== transactionObject.payee.partyIdInfo.fspId) {
          return false;
        }
        if (transferRequestBody.amount.currency !== transactionObject.amount.currency) {
          return false;
        }
        if (transferRequestBody.amount.amount !== transactionObject.amount.amount) {
          return false;
        }
        return true;
      }
    };
    module.exports = Ilp;
  }
});

// node_modules/safe-buffer/index.js
var require_safe_buffer = __commonJS({
  "node_modules/safe-buffer/index.js"(exports, module) {
    var buffer = __require("buffer");
    var Buffer2 = buffer.Buffer;
    function copyProps(src, dst) {
      for (var key in src) {
        dst[key] = src[key];
      }
    }
    if (Buffer2.from && Buffer2.alloc && Buffer2.allocUnsafe && Buffer2.allocUnsafeSlow) {
      module.exports = buffer;
    } else {
      copyProps(buffer, exports);
      exports.Buffer = SafeBuffer;
    }
    function SafeBuffer(arg, encodingOrOffset, length) {
      return Buffer2(arg, encodingOrOffset, length);
    }
    SafeBuffer.prototype = Object.create(Buffer2.prototype);
    copyProps(Buffer2, SafeBuffer);
    SafeBuffer.from = function(arg, encodingOrOffset, length) {
      if (typeof arg === "number") {
        throw new TypeError("Argument must not be a number");
      }
      return Buffer2(arg, encodingOrOffset, length);
    };
    SafeBuffer.alloc = function(size, fill, encoding) {
      if (typeof size !== "number") {
        throw new TypeError("Argument must be a number");
      }
      var buf = Buffer2(size);
      if (fill !== void 0) {
        if (typeof encoding === "string") {
          buf.fill(fill, encoding);
        } else {
          buf.fill(fill);
        }
      } else {
        buf.fill(0);
      }
      return buf;
    };
    SafeBuffer.allocUnsafe = function(size) {
      if (typeof size !== "number") {
        throw new TypeError("Argument must be a number");
      }
      return Buffer2(size);
    };
    SafeBuffer.allocUnsafeSlow = function(size) {
      if (typeof size !== "number") {
        throw new TypeError("Argument must be a number");
      }
      return buffer.SlowBuffer(size);
    };
  }
});

// node_modules/jsonwebtoken/node_modules/jws/lib/data-stream.js
var require_data_stream = __commonJS({
  "node_modules/jsonwebtoken/node_modules/jws/lib/data-stream.js"(exports, module) {
    var Buffer2 = require_safe_buffer().Buffer;
    var Stream = __require("stream");
    var util = __require("util");
    function DataStream(data) {
      this.buffer = null;
      this.writable = true;
      this.readable = true;
      if (!data) {
        this.buffer = Buffer2.alloc(0);
        return this;
      }
      if (typeof data.pipe === "function") {
        this.buffer = Buffer2.alloc(0);
        data.pipe(this);
        return this;
      }
      if (data.length || typeof data === "object") {
        this.buffer = data;
        this.writable = false;
        process.nextTick(function() {
          this.emit("end", data);
          this.readable = false;
          this.emit("close");
        }.bind(this));
        return this;
      }
      throw new TypeError("Unexpected data type (" + typeof data + ")");
    }
    util.inherits(DataStream, Stream);
    DataStream.prototype.write = function write(data) {
      this.buffer = Buffer2.concat([this.buffer, Buffer2.from(data)]);
      this.emit("data", data);
    };
    DataStream.prototype.end = function end(data) {
      if (data)
        this.write(data);
      this.emit("end", data);
      this.emit("close");
      this.writable = false;
      this.readable = false;
    };
    module.exports = DataStream;
  }
});

// node_modules/ecdsa-sig-formatter/src/param-bytes-for-alg.js
var require_param_bytes_for_alg = __commonJS({
  "node_modules/ecdsa-sig-formatter/src/param-bytes-for-alg.js"(exports, module) {
    "use strict";
    function getParamSize(keySize) {
      var result = (keySize / 8 | 0) + (keySize % 8 === 0 ? 0 : 1);
      return result;
    }
    var paramBytesForAlg = {
      ES256: getParamSize(256),
      ES384: getParamSize(384),
      ES512: getParamSize(521)
    };
    function getParamBytesForAlg(alg) {
      var paramBytes = paramBytesForAlg[alg];
      if (paramBytes) {
        return paramBytes;
      }
      throw new Error('Unknown algorithm "' + alg + '"');
    }
    module.exports = getParamBytesForAlg;
  }
});

// node_modules/ecdsa-sig-formatter/src/ecdsa-sig-formatter.js
var require_ecdsa_sig_formatter = __commonJS({
  "node_modules/ecdsa-sig-formatter/src/ecdsa-sig-formatter.js"(exports, module) {
    "use strict";
    var Buffer2 = require_safe_buffer().Buffer;
    var getParamBytesForAlg = require_param_bytes_for_alg();
    var MAX_OCTET = 128;
    var CLASS_UNIVERSAL = 0;
    var PRIMITIVE_BIT = 32;
    var TAG_SEQ = 16;
    var TAG_INT = 2;
    var ENCODED_TAG_SEQ = TAG_SEQ | PRIMITIVE_BIT | CLASS_UNIVERSAL << 6;
    var ENCODED_TAG_INT = TAG_INT | CLASS_UNIVERSAL << 6;
    function base64Url(base64) {
      return base64.replace(/=/g, "").replace(/\+/g, "-").replace(/\//g, "_");
    }
    function signatureAsBuffer(signature) {
      if (Buffer2.isBuffer(signature)) {
        return signature;
      } else if ("string" === typeof signature) {
        return Buffer2.from(signature, "base64");
      }
      throw new TypeError("ECDSA signature must be a Base64 string or a Buffer");
    }
    function derToJose(signature, alg) {
      signature = signatureAsBuffer(signature);
      var paramBytes = getParamBytesForAlg(alg);
      var maxEncodedParamLength = paramBytes + 1;
      var inputLength = signature.length;
      var offset = 0;
      if (signature[offset++] !== ENCODED_TAG_SEQ) {
        throw new Error('Could not find expected "seq"');
      }
      var seqLength = signature[offset++];
      if (seqLength === (MAX_OCTET | 1)) {
        seqLength = signature[offset++];
      }
      if (inputLength - offset < seqLength) {
        throw new Error('"seq" specified length of "' + seqLength + '", only "' + (inputLength - offset) + '" remaining');
      }
      if (signature[offset++] !== ENCODED_TAG_INT) {
        throw new Error('Could not find expected "int" for "r"');
      }
      var rLength = signature[offset++];
      if (inputLength - offset - 2 < rLength) {
        throw new Error('"r" specified length of "' + rLength + '", only "' + (inputLength - offset - 2) + '" available');
      }
      if (maxEncodedParamLength < rLength) {
        throw new Error('"r" specified length of "' + rLength + '", max of "' + maxEncodedParamLength + '" is acceptable');
      }
      var rOffset = offset;
      offset += rLength;
      if (signature[offset++] !== ENCODED_TAG_INT) {
        throw new Error('Could not find expected "int" for "s"');
      }
      var sLength = signature[offset++];
      if (inputLength - offset !== sLength) {
        throw new Error('"s" specified length of "' + sLength + '", expected "' + (inputLength - offset) + '"');
      }
      if (maxEncodedParamLength < sLength) {
        throw new Error('"s" specified length of "' + sLength + '", max of "' + maxEncodedParamLength + '" is acceptable');
      }
      var sOffset = offset;
      offset += sLength;
      if (offset !== inputLength) {
        throw new Error('Expected to consume entire buffer, but "' + (inputLength - offset) + '" bytes remain');
      }
      var rPadding = paramBytes - rLength, sPadding = paramBytes - sLength;
      var dst = Buffer2.allocUnsafe(rPadding + rLength + sPadding + sLength);
      for (offset = 0; offset < rPadding; ++offset) {
        dst[offset] = 0;
      }
      signature.copy(dst, offset, rOffset + Math.max(-rPadding, 0), rOffset + rLength);
      offset = paramBytes;
      for (var o = offset; offset < o + sPadding; ++offset) {
        dst[offset] = 0;
      }
      signature.copy(dst, offset, sOffset + Math.max(-sPadding, 0), sOffset + sLength);
      dst = dst.toString("base64");
      dst = base64Url(dst);
      return dst;
    }
    function countPadding(buf, start, stop) {
      var padding = 0;
      while (start + padding < stop && buf[start + padding] === 0) {
        ++padding;
      }
      var needsSign = buf[start + padding] >= MAX_OCTET;
      if (needsSign) {
        --padding;
      }
      return padding;
    }
    function joseToDer(signature, alg) {
      signature = signatureAsBuffer(signature);
      var paramBytes = getParamBytesForAlg(alg);
      var signatureBytes = signature.length;
      if (signatureBytes !== paramBytes * 2) {
        throw new TypeError('"' + alg + '" signatures must be "' + paramBytes * 2 + '" bytes, saw "' + signatureBytes + '"');
      }
      var rPadding = countPadding(signature, 0, paramBytes);
      var sPadding = countPadding(signature, paramBytes, signature.length);
      var rLength = paramBytes - rPadding;
      var sLength = paramBytes - sPadding;
      var rsBytes = 1 + 1 + rLength + 1 + 1 + sLength;
      var shortLength = rsBytes < MAX_OCTET;
      var dst = Buffer2.allocUnsafe((shortLength ? 2 : 3) + rsBytes);
      var offset = 0;
      dst[offset++] = ENCODED_TAG_SEQ;
      if (shortLength) {
        dst[offset++] = rsBytes;
      } else {
        dst[offset++] = MAX_OCTET | 1;
        dst[offset++] = rsBytes & 255;
      }
      dst[offset++] = ENCODED_TAG_INT;
      dst[offset++] = rLength;
      if (rPadding < 0) {
        dst[offset++] = 0;
        offset += signature.copy(dst, offset, 0, paramBytes);
      } else {
        offset += signature.copy(dst, offset, rPadding, paramBytes);
      }
      dst[offset++] = ENCODED_TAG_INT;
      dst[offset++] = sLength;
      if (sPadding < 0) {
        dst[offset++] = 0;
        signature.copy(dst, offset, paramBytes);
      } else {
        signature.copy(dst, offset, paramBytes + sPadding);
      }
      return dst;
    }
    module.exports = {
      derToJose,
      joseToDer
    };
  }
});

// node_modules/buffer-equal-constant-time/index.js
var require_buffer_equal_constant_time = __commonJS({
  "node_modules/buffer-equal-constant-time/index.js"(exports, module) {
    "use strict";
    var Buffer2 = __require("buffer").Buffer;
    var SlowBuffer = __require("buffer").SlowBuffer;
    module.exports = bufferEq;
    function bufferEq(a, b) {
      if (!Buffer2.isBuffer(a) || !Buffer2.isBuffer(b)) {
        return false;
      }
      if (a.length !== b.length) {
        return false;
      }
      var c = 0;
      for (var i = 0; i < a.length; i++) {
        c |= a[i] ^ b[i];
      }
      return c === 0;
    }
    bufferEq.install = function() {
      Buffer2.prototype.equal = SlowBuffer.prototype.equal = function equal(that) {
        return bufferEq(this, that);
      };
    };
    var origBufEqual = Buffer2.prototype.equal;
    var origSlowBufEqual = SlowBuffer.prototype.equal;
    bufferEq.restore = function() {
      Buffer2.prototype.equal = origBufEqual;
      SlowBuffer.prototype.equal = origSlowBufEqual;
    };
  }
});

// node_modules/jsonwebtoken/node_modules/jwa/index.js
var require_jwa = __commonJS({
  "node_modules/jsonwebtoken/node_modules/jwa/index.js"(exports, module) {
    var Buffer2 = require_safe_buffer().Buffer;
    var crypto2 = __require("crypto");
    var formatEcdsa = require_ecdsa_sig_formatter();
    var util = __require("util");
    var MSG_INVALID_ALGORITHM = '"%s" is not a valid algorithm.\n  Supported algorithms are:\n  "HS256", "HS384", "HS512", "RS256", "RS384", "RS512", "PS256", "PS384", "PS512", "ES256", "ES384", "ES512" and "none".';
    var MSG_INVALID_SECRET = "secret must be a string or buffer";
    var MSG_INVALID_VERIFIER_KEY = "key must be a string or a buffer";
    var MSG_INVALID_SIGNER_KEY = "key must be a string, a buffer or an object";
    var supportsKeyObjects = typeof crypto2.createPublicKey === "function";
    if (supportsKeyObjects) {
      MSG_INVALID_VERIFIER_KEY += " or a KeyObject";
      MSG_INVALID_SECRET += "or a KeyObject";
    }
    function checkIsPublicKey(key) {
      if (Buffer2.isBuffer(key)) {
        return;
      }
      if (typeof key === "string") {
        return;
      }
      if (!supportsKeyObjects) {
        throw typeError(MSG_INVALID_VERIFIER_KEY);
      }
      if (typeof key !== "object") {
        throw typeError(MSG_INVALID_VERIFIER_KEY);
      }
      if (typeof key.type !== "string") {
        throw typeError(MSG_INVALID_VERIFIER_KEY);
      }
      if (typeof key.asymmetricKeyType !== "string") {
        throw typeError(MSG_INVALID_VERIFIER_KEY);
      }
      if (typeof key.export !== "function") {
        throw typeError(MSG_INVALID_VERIFIER_KEY);
      }
    }
    function checkIsPrivateKey(key) {
      if (Buffer2.isBuffer(key)) {
        return;
      }
      if (typeof key === "string") {
        return;
      }
      if (typeof key === "object") {
        return;
      }
      throw typeError(MSG_INVALID_SIGNER_KEY);
    }
    function checkIsSecretKey(key) {
      if (Buffer2.isBuffer(key)) {
        return;
      }
      if (typeof key === "string") {
        return key;
      }
      if (!supportsKeyObjects) {
        throw typeError(MSG_INVALID_SECRET);
      }
      if (typeof key !== "object") {
        throw typeError(MSG_INVALID_SECRET);
      }
      if (key.type !== "secret") {
        throw typeError(MSG_INVALID_SECRET);
      }
      if (typeof key.export !== "function") {
        throw typeError(MSG_INVALID_SECRET);
      }
    }
    function fromBase64(base64) {
      return base64.replace(/=/g, "").replace(/\+/g, "-").replace(/\//g, "_");
    }
    function toBase64(base64url) {
      base64url = base64url.toString();
      var padding = 4 - base64url.length % 4;
      if (padding !== 4) {
        for (var i = 0; i < padding; ++i) {
          base64url += "=";
        }
      }
      return base64url.replace(/\-/g, "+").replace(/_/g, "/");
    }
    function typeError(template) {
      var args = [].slice.call(arguments, 1);
      var errMsg = util.format.bind(util, template).apply(null, args);
      return new TypeError(errMsg);
    }
    function bufferOrString(obj) {
      return Buffer2.isBuffer(obj) || typeof obj === "string";
    }
    function normalizeInput(thing) {
      if (!bufferOrString(thing))
        thing = JSON.stringify(thing);
      return thing;
    }
    function createHmacSigner(bits) {
      return function sign(thing, secret) {
        checkIsSecretKey(secret);
        thing = normalizeInput(thing);
        var hmac = crypto2.createHmac("sha" + bits, secret);
        var sig = (hmac.update(thing), hmac.digest("base64"));
        return fromBase64(sig);
      };
    }
    var bufferEqual;
    var timingSafeEqual = "timingSafeEqual" in crypto2 ? function timingSafeEqual2(a, b) {
      if (a.byteLength !== b.byteLength) {
        return false;
      }
      return crypto2.timingSafeEqual(a, b);
    } : function timingSafeEqual2(a, b) {
      if (!bufferEqual) {
        bufferEqual = require_buffer_equal_constant_time();
      }
      return bufferEqual(a, b);
    };
    function createHmacVerifier(bits) {
      return function verify(thing, signature, secret) {
        var computedSig = createHmacSigner(bits)(thing, secret);
        return timingSafeEqual(Buffer2.from(signature), Buffer2.from(computedSig));
      };
    }
    function createKeySigner(bits) {
      return function sign(thing, privateKey2) {
        checkIsPrivateKey(privateKey2);
        thing = normalizeInput(thing);
        var signer = crypto2.createSign("RSA-SHA" + bits);
        var sig = (signer.update(thing), signer.sign(privateKey2, "base64"));
        return fromBase64(sig);
      };
    }
    function createKeyVerifier(bits) {
      return function verify(thing, signature, publicKey) {
        checkIsPublicKey(publicKey);
        thing = normalizeInput(thing);
        signature = toBase64(signature);
        var verifier = crypto2.createVerify("RSA-SHA" + bits);
        verifier.update(thing);
        return verifier.verify(publicKey, signature, "base64");
      };
    }
    function createPSSKeySigner(bits) {
      return function sign(thing, privateKey2) {
        checkIsPrivateKey(privateKey2);
        thing = normalizeInput(thing);
        var signer = crypto2.createSign("RSA-SHA" + bits);
        var sig = (signer.update(thing), signer.sign({
          key: privateKey2,
          padding: crypto2.constants.RSA_PKCS1_PSS_PADDING,
          saltLength: crypto2.constants.RSA_PSS_SALTLEN_DIGEST
        }, "base64"));
        return fromBase64(sig);
      };
    }
    function createPSSKeyVerifier(bits) {
      return function verify(thing, signature, publicKey) {
        checkIsPublicKey(publicKey);
        thing = normalizeInput(thing);
        signature = toBase64(signature);
        var verifier = crypto2.createVerify("RSA-SHA" + bits);
        verifier.update(thing);
        return verifier.verify({
          key: publicKey,
          padding: crypto2.constants.RSA_PKCS1_PSS_PADDING,
          saltLength: crypto2.constants.RSA_PSS_SALTLEN_DIGEST
        }, signature, "base64");
      };
    }
    function createECDSASigner(bits) {
      var inner = createKeySigner(bits);
      return function sign() {
        var signature = inner.apply(null, arguments);
        signature = formatEcdsa.derToJose(signature, "ES" + bits);
        return signature;
      };
    }
    function createECDSAVerifer(bits) {
      var inner = createKeyVerifier(bits);
      return function verify(thing, signature, publicKey) {
        signature = formatEcdsa.joseToDer(signature, "ES" + bits).toString("base64");
        var result = inner(thing, signature, publicKey);
        return result;
      };
    }
    function createNoneSigner() {
      return function sign() {
        return "";
      };
    }
    function createNoneVerifier() {
      return function verify(thing, signature) {
        return signature === "";
      };
    }
    module.exports = function jwa(algorithm) {
      var signerFactories = {
        hs: createHmacSigner,
        rs: createKeySigner,
        ps: createPSSKeySigner,
        es: createECDSASigner,
        none: createNoneSigner
      };
      var verifierFactories = {
        hs: createHmacVerifier,
        rs: createKeyVerifier,
        ps: createPSSKeyVerifier,
        es: createECDSAVerifer,
        none: createNoneVerifier
      };
      var match = algorithm.match(/^(RS|PS|ES|HS)(256|384|512)$|^(none)$/i);
      if (!match)
        throw typeError(MSG_INVALID_ALGORITHM, algorithm);
      var algo = (match[1] || match[3]).toLowerCase();
      var bits = match[2];
      return {
        sign: signerFactories[algo](bits),
        verify: verifierFactories[algo](bits)
      };
    };
  }
});

// node_modules/jsonwebtoken/node_modules/jws/lib/tostring.js
var require_tostring = __commonJS({
  "node_modules/jsonwebtoken/node_modules/jws/lib/tostring.js"(exports, module) {
    var Buffer2 = __require("buffer").Buffer;
    module.exports = function toString(obj) {
      if (typeof obj === "string")
        return obj;
      if (typeof obj === "number" || Buffer2.isBuffer(obj))
        return obj.toString();
      return JSON.stringify(obj);
    };
  }
});

// node_modules/jsonwebtoken/node_modules/jws/lib/sign-stream.js
var require_sign_stream = __commonJS({
  "node_modules/jsonwebtoken/node_modules/jws/lib/sign-stream.js"(exports, module) {
    var Buffer2 = require_safe_buffer().Buffer;
    var DataStream = require_data_stream();
    var jwa = require_jwa();
    var Stream = __require("stream");
    var toString = require_tostring();
    var util = __require("util");
    function base64url(string, encoding) {
      return Buffer2.from(string, encoding).toString("base64").replace(/=/g, "").replace(/\+/g, "-").replace(/\//g, "_");
    }
    function jwsSecuredInput(header, payload, encoding) {
      encoding = encoding || "utf8";
      var encodedHeader = base64url(toString(header), "binary");
      var encodedPayload = base64url(toString(payload), encoding);
      return util.format("%s.%s", encodedHeader, encodedPayload);
    }
    function jwsSign(opts) {
      var header = opts.header;
      var payload = opts.payload;
      var secretOrKey = opts.secret || opts.privateKey;
      var encoding = opts.encoding;
      var algo = jwa(header.alg);
      var securedInput = jwsSecuredInput(header, payload, encoding);
      var signature = algo.sign(securedInput, secretOrKey);
      return util.format("%s.%s", securedInput, signature);
    }
    function SignStream(opts) {
      var secret = opts.secret;
      secret = secret == null ? opts.privateKey : secret;
      secret = secret == null ? opts.key : secret;
      if (/^hs/i.test(opts.header.alg) === true && secret == null) {
        throw new TypeError("secret must be a string or buffer or a KeyObject");
      }
      var secretStream = new DataStream(secret);
      this.readable = true;
      this.header = opts.header;
      this.encoding = opts.encoding;
      this.secret = this.privateKey = this.key = secretStream;
      this.payload = new DataStream(opts.payload);
      this.secret.once("close", function() {
        if (!this.payload.writable && this.readable)
          this.sign();
      }.bind(this));
      this.payload.once("close", function() {
        if (!this.secret.writable && this.readable)
          this.sign();
      }.bind(this));
    }
    util.inherits(SignStream, Stream);
    SignStream.prototype.sign = function sign() {
      try {
        var signature = jwsSign({
          header: this.header,
          payload: this.payload.buffer,
          secret: this.secret.buffer,
          encoding: this.encoding
        });
        this.emit("done", signature);
        this.emit("data", signature);
        this.emit("end");
        this.readable = false;
        return signature;
      } catch (e) {
        this.readable = false;
        this.emit("error", e);
        this.emit("close");
      }
    };
    SignStream.sign = jwsSign;
    module.exports = SignStream;
  }
});

// node_modules/jsonwebtoken/node_modules/jws/lib/verify-stream.js
var require_verify_stream = __commonJS({
  "node_modules/jsonwebtoken/node_modules/jws/lib/verify-stream.js"(exports, module) {
    var Buffer2 = require_safe_buffer().Buffer;
    var DataStream = require_data_stream();
    var jwa = require_jwa();
    var Stream = __require("stream");
    var toString = require_tostring();
    var util = __require("util");
    var JWS_REGEX = /^[a-zA-Z0-9\-_]+?\.[a-zA-Z0-9\-_]+?\.([a-zA-Z0-9\-_]+)?$/;
    function isObject(thing) {
      return Object.prototype.toString.call(thing) === "[object Object]";
    }
    function safeJsonParse(thing) {
      if (isObject(thing))
        return thing;
      try {
        return JSON.parse(thing);
      } catch (e) {
        return void 0;
      }
    }
    function headerFromJWS(jwsSig) {
      var encodedHeader = jwsSig.split(".", 1)[0];
      return safeJsonParse(Buffer2.from(encodedHeader, "base64").toString("binary"));
    }
    function securedInputFromJWS(jwsSig) {
      return jwsSig.split(".", 2).join(".");
    }
    function signatureFromJWS(jwsSig) {
      return jwsSig.split(".")[2];
    }
    function payloadFromJWS(jwsSig, encoding) {
      encoding = encoding || "utf8";
      var payload = jwsSig.split(".")[1];
      return Buffer2.from(payload, "base64").toString(encoding);
    }
    function isValidJws(string) {
      return JWS_REGEX.test(string) && !!headerFromJWS(string);
    }
    function jwsVerify(jwsSig, algorithm, secretOrKey) {
      if (!algorithm) {
        var err = new Error("Missing algorithm parameter for jws.verify");
        err.code = "MISSING_ALGORITHM";
        throw err;
      }
      jwsSig = toString(jwsSig);
      var signature = signatureFromJWS(jwsSig);
      var securedInput = securedInputFromJWS(jwsSig);
      var algo = jwa(algorithm);
      return algo.verify(securedInput, signature, secretOrKey);
    }
    function jwsDecode(jwsSig, opts) {
      opts = opts || {};
      jwsSig = toString(jwsSig);
      if (!isValidJws(jwsSig))
        return null;
      var header = headerFromJWS(jwsSig);
      if (!header)
        return null;
      var payload = payloadFromJWS(jwsSig);
      if (header.typ === "JWT" || opts.json)
        payload = JSON.parse(payload, opts.encoding);
      return {
        header,
        payload,
        signature: signatureFromJWS(jwsSig)
      };
    }
    function VerifyStream(opts) {
      opts = opts || {};
      var secretOrKey = opts.secret;
      secretOrKey = secretOrKey == null ? opts.publicKey : secretOrKey;
      secretOrKey = secretOrKey == null ? opts.key : secretOrKey;
      if (/^hs/i.test(opts.algorithm) === true && secretOrKey == null) {
        throw new TypeError("secret must be a string or buffer or a KeyObject");
      }
      var secretStream = new DataStream(secretOrKey);
      this.readable = true;
      this.algorithm = opts.algorithm;
      this.encoding = opts.encoding;
      this.secret = this.publicKey = this.key = secretStream;
      this.signature = new DataStream(opts.signature);
      this.secret.once("close", function() {
        if (!this.signature.writable && this.readable)
          this.verify();
      }.bind(this));
      this.signature.once("close", function() {
        if (!this.secret.writable && this.readable)
          this.verify();
      }.bind(this));
    }
    util.inherits(VerifyStream, Stream);
    VerifyStream.prototype.verify = function verify() {
      try {
        var valid = jwsVerify(this.signature.buffer, this.algorithm, this.key.buffer);
        var obj = jwsDecode(this.signature.buffer, this.encoding);
        this.emit("done", valid, obj);
        this.emit("data", valid);
        this.emit("end");
        this.readable = false;
        return valid;
      } catch (e) {
        this.readable = false;
        this.emit("error", e);
        this.emit("close");
      }
    };
    VerifyStream.decode = jwsDecode;
    VerifyStream.isValid = isValidJws;
    VerifyStream.verify = jwsVerify;
    module.exports = VerifyStream;
  }
});

// node_modules/jsonwebtoken/node_modules/jws/index.js
var require_jws = __commonJS({
  "node_modules/jsonwebtoken/node_modules/jws/index.js"(exports) {
    var SignStream = require_sign_stream();
    var VerifyStream = require_verify_stream();
    var ALGORITHMS = [
      "HS256",
      "HS384",
      "HS512",
      "RS256",
      "RS384",
      "RS512",
      "PS256",
      "PS384",
      "PS512",
      "ES256",
      "ES384",
      "ES512"
    ];
    exports.ALGORITHMS = ALGORITHMS;
    exports.sign = SignStream.sign;
    exports.verify = VerifyStream.verify;
    exports.decode = VerifyStream.decode;
    exports.isValid = VerifyStream.isValid;
    exports.createSign = function createSign(opts) {
      return new SignStream(opts);
    };
    exports.createVerify = function createVerify(opts) {
      return new VerifyStream(opts);
    };
  }
});

// node_modules/jsonwebtoken/decode.js
var require_decode = __commonJS({
  "node_modules/jsonwebtoken/decode.js"(exports, module) {
    var jws = require_jws();
    module.exports = function(jwt, options) {
      options = options || {};
      var decoded = jws.decode(jwt, options);
      if (!decoded) {
        return null;
      }
      var payload = decoded.payload;
      if (typeof payload === "string") {
        try {
          var obj = JSON.parse(payload);
          if (obj !== null && typeof obj === "object") {
            payload = obj;
          }
        } catch (e) {
        }
      }
      if (options.complete === true) {
        return {
          header: decoded.header,
          payload,
          signature: decoded.signature
        };
      }
      return payload;
    };
  }
});

// node_modules/jsonwebtoken/lib/JsonWebTokenError.js
var require_JsonWebTokenError = __commonJS({
  "node_modules/jsonwebtoken/lib/JsonWebTokenError.js"(exports, module) {
    var JsonWebTokenError = function(message, error) {
      Error.call(this, message);
      if (Error.captureStackTrace) {
        Error.captureStackTrace(this, this.constructor);
      }
      this.name = "JsonWebTokenError";
      this.message = message;
      if (error) this.inner = error;
    };
    JsonWebTokenError.prototype = Object.create(Error.prototype);
    JsonWebTokenError.prototype.constructor = JsonWebTokenError;
    module.exports = JsonWebTokenError;
  }
});

// node_modules/jsonwebtoken/lib/NotBeforeError.js
var require_NotBeforeError = __commonJS({
  "node_modules/jsonwebtoken/lib/NotBeforeError.js"(exports, module) {
    var JsonWebTokenError = require_JsonWebTokenError();
    var NotBeforeError = function(message, date) {
      JsonWebTokenError.call(this, message);
      this.name = "NotBeforeError";
      this.date = date;
    };
    NotBeforeError.prototype = Object.create(JsonWebTokenError.prototype);
    NotBeforeError.prototype.constructor = NotBeforeError;
    module.exports = NotBeforeError;
  }
});

// node_modules/jsonwebtoken/lib/TokenExpiredError.js
var require_TokenExpiredError = __commonJS({
  "node_modules/jsonwebtoken/lib/TokenExpiredError.js"(exports, module) {
    var JsonWebTokenError = require_JsonWebTokenError();
    var TokenExpiredError = function(message, expiredAt) {
      JsonWebTokenError.call(this, message);
      this.name = "TokenExpiredError";
      this.expiredAt = expiredAt;
    };
    TokenExpiredError.prototype = Object.create(JsonWebTokenError.prototype);
    TokenExpiredError.prototype.constructor = TokenExpiredError;
    module.exports = TokenExpiredError;
  }
});

// node_modules/jsonwebtoken/node_modules/ms/index.js
var require_ms = __commonJS({
  "node_modules/jsonwebtoken/node_modules/ms/index.js"(exports, module) {
    var s = 1e3;
    var m = s * 60;
    var h = m * 60;
    var d = h * 24;
    var w = d * 7;
    var y = d * 365.25;
    module.exports = function(val, options) {
      options = options || {};
      var type = typeof val;
      if (type === "string" && val.length > 0) {
        return parse(val);
      } else if (type === "number" && isFinite(val)) {
        return options.long ? fmtLong(val) : fmtShort(val);
      }
      throw new Error(
        "val is not a non-empty string or a valid number. val=" + JSON.stringify(val)
      );
    };
    function parse(str) {
      str = String(str);
      if (str.length > 100) {
        return;
      }
      var match = /^(-?(?:\d+)?\.?\d+) *(milliseconds?|msecs?|ms|seconds?|secs?|s|minutes?|mins?|m|hours?|hrs?|h|days?|d|weeks?|w|years?|yrs?|y)?$/i.exec(
        str
      );
      if (!match) {
        return;
      }
      var n = parseFloat(match[1]);
      var type = (match[2] || "ms").toLowerCase();
      switch (type) {
        case "years":
        case "year":
        case "yrs":
        case "yr":
        case "y":
          return n * y;
        case "weeks":
        case "week":
        case "w":
          return n * w;
        case "days":
        case "day":
        case "d":
          return n * d;
        case "hours":
        case "hour":
        case "hrs":
        case "hr":
        case "h":
          return n * h;
        case "minutes":
        case "minute":
        case "mins":
        case "min":
        case "m":
          return n * m;
        case "seconds":
        case "second":
        case "secs":
        case "sec":
        case "s":
          return n * s;
        case "milliseconds":
        case "millisecond":
        case "msecs":
        case "msec":
        case "ms":
          return n;
        default:
          return void 0;
      }
    }
    function fmtShort(ms) {
      var msAbs = Math.abs(ms);
      if (msAbs >= d) {
        return Math.round(ms / d) + "d";
      }
      if (msAbs >= h) {
        return Math.round(ms / h) + "h";
      }
      if (msAbs >= m) {
        return Math.round(ms / m) + "m";
      }
      if (msAbs >= s) {
        return Math.round(ms / s) + "s";
      }
      return ms + "ms";
    }
    function fmtLong(ms) {
      var msAbs = Math.abs(ms);
      if (msAbs >= d) {
        return plural(ms, msAbs, d, "day");
      }
      if (msAbs >= h) {
        return plural(ms, msAbs, h, "hour");
      }
      if (msAbs >= m) {
        return plural(ms, msAbs, m, "minute");
      }
      if (msAbs >= s) {
        return plural(ms, msAbs, s, "second");
      }
      return ms + " ms";
    }
    function plural(ms, msAbs, n, name) {
      var isPlural = msAbs >= n * 1.5;
      return Math.round(ms / n) + " " + name + (isPlural ? "s" : "");
    }
  }
});

// node_modules/jsonwebtoken/lib/timespan.js
var require_timespan = __commonJS({
  "node_modules/jsonwebtoken/lib/timespan.js"(exports, module) {
    var ms = require_ms();
    module.exports = function(time, iat) {
      var timestamp = iat || Math.floor(Date.now() / 1e3);
      if (typeof time === "string") {
        var milliseconds = ms(time);
        if (typeof milliseconds === "undefined") {
          return;
        }
        return Math.floor(timestamp + milliseconds / 1e3);
      } else if (typeof time === "number") {
        return timestamp + time;
      } else {
        return;
      }
    };
  }
});

// node_modules/semver/internal/constants.js
var require_constants = __commonJS({
  "node_modules/semver/internal/constants.js"(exports, module) {
    "use strict";
    var SEMVER_SPEC_VERSION = "2.0.0";
    var MAX_LENGTH = 256;
    var MAX_SAFE_INTEGER = Number.MAX_SAFE_INTEGER || /* istanbul ignore next */
    9007199254740991;
    var MAX_SAFE_COMPONENT_LENGTH = 16;
    var MAX_SAFE_BUILD_LENGTH = MAX_LENGTH - 6;
    var WHITESPACE_CHARACTERS = [
      "	",
      "\n",
      "\v",
      "\f",
      "\r",
      " ",
      " ",
      " ",
      " ",
      " ",
      " ",
      " ",
      " ",
      " ",
      " ",
      " ",
      " ",
      " ",
      " ",
      "\u2028",
      "\u2029",
      " ",
      " ",
      "　",
      "\uFEFF"
    ];
    var RELEASE_TYPES = [
      "major",
      "premajor",
      "minor",
      "preminor",
      "patch",
      "prepatch",
      "prerelease"
    ];
    module.exports = {
      MAX_LENGTH,
      MAX_SAFE_COMPONENT_LENGTH,
      MAX_SAFE_BUILD_LENGTH,
      MAX_SAFE_INTEGER,
      WHITESPACE_CHARACTERS,
      RELEASE_TYPES,
      SEMVER_SPEC_VERSION,
      FLAG_INCLUDE_PRERELEASE: 1,
      FLAG_LOOSE: 2
    };
  }
});

// node_modules/semver/internal/debug.js
var require_debug = __commonJS({
  "node_modules/semver/internal/debug.js"(exports, module) {
    "use strict";
    var debug = typeof process === "object" && process.env && process.env.NODE_DEBUG && /\bsemver\b/i.test(process.env.NODE_DEBUG) ? (...args) => console.error("SEMVER", ...args) : () => {
    };
    module.exports = debug;
  }
});

// node_modules/semver/internal/re.js
var require_re = __commonJS({
  "node_modules/semver/internal/re.js"(exports, module) {
    "use strict";
    var {
      MAX_SAFE_COMPONENT_LENGTH,
      MAX_SAFE_BUILD_LENGTH,
      MAX_LENGTH
    } = require_constants();
    var debug = require_debug();
    exports = module.exports = {};
    var re = exports.re = [];
    var safeRe = exports.safeRe = [];
    var src = exports.src = [];
    var safeSrc = exports.safeSrc = [];
    var t = exports.t = {};
    var R = 0;
    var LETTERDASHNUMBER = "[a-zA-Z0-9-]";
    var safeRegexReplacements = [
      ["\\s", 1],
      ["\\d", MAX_LENGTH],
      [LETTERDASHNUMBER, MAX_SAFE_BUILD_LENGTH]
    ];
    var makeSafeRegex = (value) => {
      for (const [token, max] of safeRegexReplacements) {
        value = value.split(`${token}*`).join(`${token}{0,${max}}`).split(`${token}+`).join(`${token}{1,${max}}`);
      }
      return value;
    };
    var createToken = (name, value, isGlobal) => {
      const safe = makeSafeRegex(value);
      const index = R++;
      debug(name, index, value);
      t[name] = index;
      src[index] = value;
      safeSrc[index] = safe;
      re[index] = new RegExp(value, isGlobal ? "g" : void 0);
      safeRe[index] = new RegExp(safe, isGlobal ? "g" : void 0);
    };
    createToken("NUMERICIDENTIFIER", "0|[1-9]\\d*");
    createToken("NUMERICIDENTIFIERLOOSE", "\\d+");
    createToken("NONNUMERICIDENTIFIER", `\\d*[a-zA-Z-]${LETTERDASHNUMBER}*`);
    createToken("MAINVERSION", `(${src[t.NUMERICIDENTIFIER]})\\.(${src[t.NUMERICIDENTIFIER]})\\.(${src[t.NUMERICIDENTIFIER]})`);
    createToken("MAINVERSIONLOOSE", `(${src[t.NUMERICIDENTIFIERLOOSE]})\\.(${src[t.NUMERICIDENTIFIERLOOSE]})\\.(${src[t.NUMERICIDENTIFIERLOOSE]})`);
    createToken("PRERELEASEIDENTIFIER", `(?:${src[t.NONNUMERICIDENTIFIER]}|${src[t.NUMERICIDENTIFIER]})`);
    createToken("PRERELEASEIDENTIFIERLOOSE", `(?:${src[t.NONNUMERICIDENTIFIER]}|${src[t.NUMERICIDENTIFIERLOOSE]})`);
    createToken("PRERELEASE", `(?:-(${src[t.PRERELEASEIDENTIFIER]}(?:\\.${src[t.PRERELEASEIDENTIFIER]})*))`);
    createToken("PRERELEASELOOSE", `(?:-?(${src[t.PRERELEASEIDENTIFIERLOOSE]}(?:\\.${src[t.PRERELEASEIDENTIFIERLOOSE]})*))`);
    createToken("BUILDIDENTIFIER", `${LETTERDASHNUMBER}+`);
    createToken("BUILD", `(?:\\+(${src[t.BUILDIDENTIFIER]}(?:\\.${src[t.BUILDIDENTIFIER]})*))`);
    createToken("FULLPLAIN", `v?${src[t.MAINVERSION]}${src[t.PRERELEASE]}?${src[t.BUILD]}?`);
    createToken("FULL", `^${src[t.FULLPLAIN]}$`);
    createToken("LOOSEPLAIN", `[v=\\s]*${src[t.MAINVERSIONLOOSE]}${src[t.PRERELEASELOOSE]}?${src[t.BUILD]}?`);
    createToken("LOOSE", `^${src[t.LOOSEPLAIN]}$`);
    createToken("GTLT", "((?:<|>)?=?)");
    createToken("XRANGEIDENTIFIERLOOSE", `${src[t.NUMERICIDENTIFIERLOOSE]}|x|X|\\*`);
    createToken("XRANGEIDENTIFIER", `${src[t.NUMERICIDENTIFIER]}|x|X|\\*`);
    createToken("XRANGEPLAIN", `[v=\\s]*(${src[t.XRANGEIDENTIFIER]})(?:\\.(${src[t.XRANGEIDENTIFIER]})(?:\\.(${src[t.XRANGEIDENTIFIER]})(?:${src[t.PRERELEASE]})?${src[t.BUILD]}?)?)?`);
    createToken("XRANGEPLAINLOOSE", `[v=\\s]*(${src[t.XRANGEIDENTIFIERLOOSE]})(?:\\.(${src[t.XRANGEIDENTIFIERLOOSE]})(?:\\.(${src[t.XRANGEIDENTIFIERLOOSE]})(?:${src[t.PRERELEASELOOSE]})?${src[t.BUILD]}?)?)?`);
    createToken("XRANGE", `^${src[t.GTLT]}\\s*${src[t.XRANGEPLAIN]}$`);
    createToken("XRANGELOOSE", `^${src[t.GTLT]}\\s*${src[t.XRANGEPLAINLOOSE]}$`);
    createToken("COERCEPLAIN", `${"(^|[^\\d])(\\d{1,"}${MAX_SAFE_COMPONENT_LENGTH}})(?:\\.(\\d{1,${MAX_SAFE_COMPONENT_LENGTH}}))?(?:\\.(\\d{1,${MAX_SAFE_COMPONENT_LENGTH}}))?`);
    createToken("COERCE", `${src[t.COERCEPLAIN]}(?:$|[^\\d])`);
    createToken("COERCEFULL", src[t.COERCEPLAIN] + `(?:${src[t.PRERELEASE]})?(?:${src[t.BUILD]})?(?:$|[^\\d])`);
    createToken("COERCERTL", src[t.COERCE], true);
    createToken("COERCERTLFULL", src[t.COERCEFULL], true);
    createToken("LONETILDE", "(?:~>?)");
    createToken("TILDETRIM", `(\\s*)${src[t.LONETILDE]}\\s+`, true);
    exports.tildeTrimReplace = "$1~";
    createToken("TILDE", `^${src[t.LONETILDE]}${src[t.XRANGEPLAIN]}$`);
    createToken("TILDELOOSE", `^${src[t.LONETILDE]}${src[t.XRANGEPLAINLOOSE]}$`);
    createToken("LONECARET", "(?:\\^)");
    createToken("CARETTRIM", `(\\s*)${src[t.LONECARET]}\\s+`, true);
    exports.caretTrimReplace = "$1^";
    createToken("CARET", `^${src[t.LONECARET]}${src[t.XRANGEPLAIN]}$`);
    createToken("CARETLOOSE", `^${src[t.LONECARET]}${src[t.XRANGEPLAINLOOSE]}$`);
    createToken("COMPARATORLOOSE", `^${src[t.GTLT]}\\s*(${src[t.LOOSEPLAIN]})$|^$`);
    createToken("COMPARATOR", `^${src[t.GTLT]}\\s*(${src[t.FULLPLAIN]})$|^$`);
    createToken("COMPARATORTRIM", `(\\s*)${src[t.GTLT]}\\s*(${src[t.LOOSEPLAIN]}|${src[t.XRANGEPLAIN]})`, true);
    exports.comparatorTrimReplace = "$1$2$3";
    createToken("HYPHENRANGE", `^\\s*(${src[t.XRANGEPLAIN]})\\s+-\\s+(${src[t.XRANGEPLAIN]})\\s*$`);
    createToken("HYPHENRANGELOOSE", `^\\s*(${src[t.XRANGEPLAINLOOSE]})\\s+-\\s+(${src[t.XRANGEPLAINLOOSE]})\\s*$`);
    createToken("STAR", "(<|>)?=?\\s*\\*");
    createToken("GTE0", "^\\s*>=\\s*0\\.0\\.0\\s*$");
    createToken("GTE0PRE", "^\\s*>=\\s*0\\.0\\.0-0\\s*$");
  }
});

// node_modules/semver/internal/parse-options.js
var require_parse_options = __commonJS({
  "node_modules/semver/internal/parse-options.js"(exports, module) {
    "use strict";
    var looseOption = Object.freeze({ loose: true });
    var emptyOpts = Object.freeze({});
    var parseOptions = (options) => {
      if (!options) {
        return emptyOpts;
      }
      if (typeof options !== "object") {
        return looseOption;
      }
      return options;
    };
    module.exports = parseOptions;
  }
});

// node_modules/semver/internal/identifiers.js
var require_identifiers = __commonJS({
  "node_modules/semver/internal/identifiers.js"(exports, module) {
    "use strict";
    var numeric = /^[0-9]+$/;
    var compareIdentifiers = (a, b) => {
      if (typeof a === "number" && typeof b === "number") {
        return a === b ? 0 : a < b ? -1 : 1;
      }
      const anum = numeric.test(a);
      const bnum = numeric.test(b);
      if (anum && bnum) {
        a = +a;
        b = +b;
      }
      return a === b ? 0 : anum && !bnum ? -1 : bnum && !anum ? 1 : a < b ? -1 : 1;
    };
    var rcompareIdentifiers = (a, b) => compareIdentifiers(b, a);
    module.exports = {
      compareIdentifiers,
      rcompareIdentifiers
    };
  }
});

// node_modules/semver/classes/semver.js
var require_semver = __commonJS({
  "node_modules/semver/classes/semver.js"(exports, module) {
    "use strict";
    var debug = require_debug();
    var { MAX_LENGTH, MAX_SAFE_INTEGER } = require_constants();
    var { safeRe: re, t } = require_re();
    var parseOptions = require_parse_options();
    var { compareIdentifiers } = require_identifiers();
    var isPrereleaseIdentifier = (prerelease, identifier) => {
      const identifiers = identifier.split(".");
      if (identifiers.length > prerelease.length) {
        return false;
      }
      for (let i = 0; i < identifiers.length; i++) {
        if (compareIdentifiers(prerelease[i], identifiers[i]) !== 0) {
          return false;
        }
      }
      return true;
    };
    var SemVer = class _SemVer {
      constructor(version, options) {
        options = parseOptions(options);
        if (version instanceof _SemVer) {
          if (version.loose === !!options.loose && version.includePrerelease === !!options.includePrerelease) {
            return version;
          } else {
            version = version.version;
          }
        } else if (typeof version !== "string") {
          throw new TypeError(`Invalid version. Must be a string. Got type "${typeof version}".`);
        }
        if (version.length > MAX_LENGTH) {
          throw new TypeError(
            `version is longer than ${MAX_LENGTH} characters`
          );
        }
        debug("SemVer", version, options);
        this.options = options;
        this.loose = !!options.loose;
        this.includePrerelease = !!options.includePrerelease;
        const m = version.trim().match(options.loose ? re[t.LOOSE] : re[t.FULL]);
        if (!m) {
          throw new TypeError(`Invalid Version: ${version}`);
        }
        this.raw = version;
        this.major = +m[1];
        this.minor = +m[2];
        this.patch = +m[3];
        if (this.major > MAX_SAFE_INTEGER || this.major < 0) {
          throw new TypeError("Invalid major version");
        }
        if (this.minor > MAX_SAFE_INTEGER || this.minor < 0) {
          throw new TypeError("Invalid minor version");
        }
        if (this.patch > MAX_SAFE_INTEGER || this.patch < 0) {
          throw new TypeError("Invalid patch version");
        }
        if (!m[4]) {
          this.prerelease = [];
        } else {
          this.prerelease = m[4].split(".").map((id) => {
            if (/^[0-9]+$/.test(id)) {
              const num = +id;
              if (num >= 0 && num < MAX_SAFE_INTEGER) {
                return num;
              }
            }
            return id;
          });
        }
        this.build = m[5] ? m[5].split(".") : [];
        this.format();
      }
      format() {
        this.version = `${this.major}.${this.minor}.${this.patch}`;
        if (this.prerelease.length) {
          this.version += `-${this.prerelease.join(".")}`;
        }
        return this.version;
      }
      toString() {
        return this.version;
      }
      compare(other) {
        debug("SemVer.compare", this.version, this.options, other);
        if (!(other instanceof _SemVer)) {
          if (typeof other === "string" && other === this.version) {
            return 0;
          }
          other = new _SemVer(other, this.options);
        }
        if (other.version === this.version) {
          return 0;
        }
        return this.compareMain(other) || this.comparePre(other);
      }
      compareMain(other) {
        if (!(other instanceof _SemVer)) {
          other = new _SemVer(other, this.options);
        }
        if (this.major < other.major) {
          return -1;
        }
        if (this.major > other.major) {
          return 1;
        }
        if (this.minor < other.minor) {
          return -1;
        }
        if (this.minor > other.minor) {
          return 1;
        }
        if (this.patch < other.patch) {
          return -1;
        }
        if (this.patch > other.patch) {
          return 1;
        }
        return 0;
      }
      comparePre(other) {
        if (!(other instanceof _SemVer)) {
          other = new _SemVer(other, this.options);
        }
        if (this.prerelease.length && !other.prerelease.length) {
          return -1;
        } else if (!this.prerelease.length && other.prerelease.length) {
          return 1;
        } else if (!this.prerelease.length && !other.prerelease.length) {
          return 0;
        }
        let i = 0;
        do {
          const a = this.prerelease[i];
          const b = other.prerelease[i];
          debug("prerelease compare", i, a, b);
          if (a === void 0 && b === void 0) {
            return 0;
          } else if (b === void 0) {
            return 1;
          } else if (a === void 0) {
            return -1;
          } else if (a === b) {
            continue;
          } else {
            return compareIdentifiers(a, b);
          }
        } while (++i);
      }
      compareBuild(other) {
        if (!(other instanceof _SemVer)) {
          other = new _SemVer(other, this.options);
        }
        let i = 0;
        do {
          const a = this.build[i];
          const b = other.build[i];
          debug("build compare", i, a, b);
          if (a === void 0 && b === void 0) {
            return 0;
          } else if (b === void 0) {
            return 1;
          } else if (a === void 0) {
            return -1;
          } else if (a === b) {
            continue;
          } else {
            return compareIdentifiers(a, b);
          }
        } while (++i);
      }
      // preminor will bump the version up to the next minor release, and immediately
      // down to pre-release. premajor and prepatch work the same way.
      inc(release, identifier, identifierBase) {
        if (release.startsWith("pre")) {
          if (!identifier && identifierBase === false) {
            throw new Error("invalid increment argument: identifier is empty");
          }
          if (identifier) {
            const match = `-${identifier}`.match(this.options.loose ? re[t.PRERELEASELOOSE] : re[t.PRERELEASE]);
            if (!match || match[1] !== identifier) {
              throw new Error(`invalid identifier: ${identifier}`);
            }
          }
        }
        switch (release) {
          case "premajor":
            this.prerelease.length = 0;
            this.patch = 0;
            this.minor = 0;
            this.major++;
            this.inc("pre", identifier, identifierBase);
            break;
          case "preminor":
            this.prerelease.length = 0;
            this.patch = 0;
            this.minor++;
            this.inc("pre", identifier, identifierBase);
            break;
          case "prepatch":
            this.prerelease.length = 0;
            this.inc("patch", identifier, identifierBase);
            this.inc("pre", identifier, identifierBase);
            break;
          // If the input is a non-prerelease version, this acts the same as
          // prepatch.
          case "prerelease":
            if (this.prerelease.length === 0) {
              this.inc("patch", identifier, identifierBase);
            }
            this.inc("pre", identifier, identifierBase);
            break;
          case "release":
            if (this.prerelease.length === 0) {
              throw new Error(`version ${this.raw} is not a prerelease`);
            }
            this.prerelease.length = 0;
            break;
          case "major":
            if (this.minor !== 0 || this.patch !== 0 || this.prerelease.length === 0) {
              this.major++;
            }
            this.minor = 0;
            this.patch = 0;
            this.prerelease = [];
            break;
          case "minor":
            if (this.patch !== 0 || this.prerelease.length === 0) {
              this.minor++;
            }
            this.patch = 0;
            this.prerelease = [];
            break;
          case "patch":
            if (this.prerelease.length === 0) {
              this.patch++;
            }
            this.prerelease = [];
            break;
          // This probably shouldn't be used publicly.
          // 1.0.0 'pre' would become 1.0.0-0 which is the wrong direction.
          case "pre": {
            const base = Number(identifierBase) ? 1 : 0;
            if (this.prerelease.length === 0) {
              this.prerelease = [base];
            } else {
              let i = this.prerelease.length;
              while (--i >= 0) {
                if (typeof this.prerelease[i] === "number") {
                  this.prerelease[i]++;
                  i = -2;
                }
              }
              if (i === -1) {
                if (identifier === this.prerelease.join(".") && identifierBase === false) {
                  throw new Error("invalid increment argument: identifier already exists");
                }
                this.prerelease.push(base);
              }
            }
            if (identifier) {
              let prerelease = [identifier, base];
              if (identifierBase === false) {
                prerelease = [identifier];
              }
              if (isPrereleaseIdentifier(this.prerelease, identifier)) {
                const prereleaseBase = this.prerelease[identifier.split(".").length];
                if (isNaN(prereleaseBase)) {
                  this.prerelease = prerelease;
                }
              } else {
                this.prerelease = prerelease;
              }
            }
            break;
          }
          default:
            throw new Error(`invalid increment argument: ${release}`);
        }
        this.raw = this.format();
        if (this.build.length) {
          this.raw += `+${this.build.join(".")}`;
        }
        return this;
      }
    };
    module.exports = SemVer;
  }
});

// node_modules/semver/functions/parse.js
var require_parse = __commonJS({
  "node_modules/semver/functions/parse.js"(exports, module) {
    "use strict";
    var SemVer = require_semver();
    var parse = (version, options, throwErrors = false) => {
      if (version instanceof SemVer) {
        return version;
      }
      try {
        return new SemVer(version, options);
      } catch (er) {
        if (!throwErrors) {
          return null;
        }
        throw er;
      }
    };
    module.exports = parse;
  }
});

// node_modules/semver/functions/valid.js
var require_valid = __commonJS({
  "node_modules/semver/functions/valid.js"(exports, module) {
    "use strict";
    var parse = require_parse();
    var valid = (version, options) => {
      const v = parse(version, options);
      return v ? v.version : null;
    };
    module.exports = valid;
  }
});

// node_modules/semver/functions/clean.js
var require_clean = __commonJS({
  "node_modules/semver/functions/clean.js"(exports, module) {
    "use strict";
    var parse = require_parse();
    var clean = (version, options) => {
      const s = parse(version.trim().replace(/^[=v]+/, ""), options);
      return s ? s.version : null;
    };
    module.exports = clean;
  }
});

// node_modules/semver/functions/inc.js
var require_inc = __commonJS({
  "node_modules/semver/functions/inc.js"(exports, module) {
    "use strict";
    var SemVer = require_semver();
    var inc = (version, release, options, identifier, identifierBase) => {
      if (typeof options === "string") {
        identifierBase = identifier;
        identifier = options;
        options = void 0;
      }
      try {
        return new SemVer(
          version instanceof SemVer ? version.version : version,
          options
        ).inc(release, identifier, identifierBase).version;
      } catch (er) {
        return null;
      }
    };
    module.exports = inc;
  }
});

// node_modules/semver/functions/diff.js
var require_diff = __commonJS({
  "node_modules/semver/functions/diff.js"(exports, module) {
    "use strict";
    var parse = require_parse();
    var diff = (version1, version2) => {
      const v1 = parse(version1, null, true);
      const v2 = parse(version2, null, true);
      const comparison = v1.compare(v2);
      if (comparison === 0) {
        return null;
      }
      const v1Higher = comparison > 0;
      const highVersion = v1Higher ? v1 : v2;
      const lowVersion = v1Higher ? v2 : v1;
      const highHasPre = !!highVersion.prerelease.length;
      const lowHasPre = !!lowVersion.prerelease.length;
      if (lowHasPre && !highHasPre) {
        if (!lowVersion.patch && !lowVersion.minor) {
          return "major";
        }
        if (lowVersion.compareMain(highVersion) === 0) {
          if (lowVersion.minor && !lowVersion.patch) {
            return "minor";
          }
          return "patch";
        }
      }
      const prefix = highHasPre ? "pre" : "";
      if (v1.major !== v2.major) {
        return prefix + "major";
      }
      if (v1.minor !== v2.minor) {
        return prefix + "minor";
      }
      if (v1.patch !== v2.patch) {
        return prefix + "patch";
      }
      return "prerelease";
    };
    module.exports = diff;
  }
});

// node_modules/semver/functions/major.js
var require_major = __commonJS({
  "node_modules/semver/functions/major.js"(exports, module) {
    "use strict";
    var SemVer = require_semver();
    var major = (a, loose) => new SemVer(a, loose).major;
    module.exports = major;
  }
});

// node_modules/semver/functions/minor.js
var require_minor = __commonJS({
  "node_modules/semver/functions/minor.js"(exports, module) {
    "use strict";
    var SemVer = require_semver();
    var minor = (a, loose) => new SemVer(a, loose).minor;
    module.exports = minor;
  }
});

// node_modules/semver/functions/patch.js
var require_patch = __commonJS({
  "node_modules/semver/functions/patch.js"(exports, module) {
    "use strict";
    var SemVer = require_semver();
    var patch = (a, loose) => new SemVer(a, loose).patch;
    module.exports = patch;
  }
});

// node_modules/semver/functions/prerelease.js
var require_prerelease = __commonJS({
  "node_modules/semver/functions/prerelease.js"(exports, module) {
    "use strict";
    var parse = require_parse();
    var prerelease = (version, options) => {
      const parsed = parse(version, options);
      return parsed && parsed.prerelease.length ? parsed.prerelease : null;
    };
    module.exports = prerelease;
  }
});

// node_modules/semver/functions/compare.js
var require_compare = __commonJS({
  "node_modules/semver/functions/compare.js"(exports, module) {
    "use strict";
    var SemVer = require_semver();
    var compare = (a, b, loose) => new SemVer(a, loose).compare(new SemVer(b, loose));
    module.exports = compare;
  }
});

// node_modules/semver/functions/rcompare.js
var require_rcompare = __commonJS({
  "node_modules/semver/functions/rcompare.js"(exports, module) {
    "use strict";
    var compare = require_compare();
    var rcompare = (a, b, loose) => compare(b, a, loose);
    module.exports = rcompare;
  }
});

// node_modules/semver/functions/compare-loose.js
var require_compare_loose = __commonJS({
  "node_modules/semver/functions/compare-loose.js"(exports, module) {
    "use strict";
    var compare = require_compare();
    var compareLoose = (a, b) => compare(a, b, true);
    module.exports = compareLoose;
  }
});

// node_modules/semver/functions/compare-build.js
var require_compare_build = __commonJS({
  "node_modules/semver/functions/compare-build.js"(exports, module) {
    "use strict";
    var SemVer = require_semver();
    var compareBuild = (a, b, loose) => {
      const versionA = new SemVer(a, loose);
      const versionB = new SemVer(b, loose);
      return versionA.compare(versionB) || versionA.compareBuild(versionB);
    };
    module.exports = compareBuild;
  }
});

// node_modules/semver/functions/sort.js
var require_sort = __commonJS({
  "node_modules/semver/functions/sort.js"(exports, module) {
    "use strict";
    var compareBuild = require_compare_build();
    var sort = (list, loose) => list.sort((a, b) => compareBuild(a, b, loose));
    module.exports = sort;
  }
});

// node_modules/semver/functions/rsort.js
var require_rsort = __commonJS({
  "node_modules/semver/functions/rsort.js"(exports, module) {
    "use strict";
    var compareBuild = require_compare_build();
    var rsort = (list, loose) => list.sort((a, b) => compareBuild(b, a, loose));
    module.exports = rsort;
  }
});

// node_modules/semver/functions/gt.js
var require_gt = __commonJS({
  "node_modules/semver/functions/gt.js"(exports, module) {
    "use strict";
    var compare = require_compare();
    var gt = (a, b, loose) => compare(a, b, loose) > 0;
    module.exports = gt;
  }
});

// node_modules/semver/functions/lt.js
var require_lt = __commonJS({
  "node_modules/semver/functions/lt.js"(exports, module) {
    "use strict";
    var compare = require_compare();
    var lt = (a, b, loose) => compare(a, b, loose) < 0;
    module.exports = lt;
  }
});

// node_modules/semver/functions/eq.js
var require_eq = __commonJS({
  "node_modules/semver/functions/eq.js"(exports, module) {
    "use strict";
    var compare = require_compare();
    var eq = (a, b, loose) => compare(a, b, loose) === 0;
    module.exports = eq;
  }
});

// node_modules/semver/functions/neq.js
var require_neq = __commonJS({
  "node_modules/semver/functions/neq.js"(exports, module) {
    "use strict";
    var compare = require_compare();
    var neq = (a, b, loose) => compare(a, b, loose) !== 0;
    module.exports = neq;
  }
});

// node_modules/semver/functions/gte.js
var require_gte = __commonJS({
  "node_modules/semver/functions/gte.js"(exports, module) {
    "use strict";
    var compare = require_compare();
    var gte = (a, b, loose) => compare(a, b, loose) >= 0;
    module.exports = gte;
  }
});

// node_modules/semver/functions/lte.js
var require_lte = __commonJS({
  "node_modules/semver/functions/lte.js"(exports, module) {
    "use strict";
    var compare = require_compare();
    var lte = (a, b, loose) => compare(a, b, loose) <= 0;
    module.exports = lte;
  }
});

// node_modules/semver/functions/cmp.js
var require_cmp = __commonJS({
  "node_modules/semver/functions/cmp.js"(exports, module) {
    "use strict";
    var eq = require_eq();
    var neq = require_neq();
    var gt = require_gt();
    var gte = require_gte();
    var lt = require_lt();
    var lte = require_lte();
    var cmp = (a, op, b, loose) => {
      switch (op) {
        case "===":
          if (typeof a === "object") {
            a = a.version;
          }
          if (typeof b === "object") {
            b = b.version;
          }
          return a === b;
        case "!==":
          if (typeof a === "object") {
            a = a.version;
          }
          if (typeof b === "object") {
            b = b.version;
          }
          return a !== b;
        case "":
        case "=":
        case "==":
          return eq(a, b, loose);
        case "!=":
          return neq(a, b, loose);
        case ">":
          return gt(a, b, loose);
        case ">=":
          return gte(a, b, loose);
        case "<":
          return lt(a, b, loose);
        case "<=":
          return lte(a, b, loose);
        default:
          throw new TypeError(`Invalid operator: ${op}`);
      }
    };
    module.exports = cmp;
  }
});

// node_modules/semver/functions/coerce.js
var require_coerce = __commonJS({
  "node_modules/semver/functions/coerce.js"(exports, module) {
    "use strict";
    var SemVer = require_semver();
    var parse = require_parse();
    var { safeRe: re, t } = require_re();
    var coerce = (version, options) => {
      if (version instanceof SemVer) {
        return version;
      }
      if (typeof version === "number") {
        version = String(version);
      }
      if (typeof version !== "string") {
        return null;
      }
      options = options || {};
      let match = null;
      if (!options.rtl) {
        match = version.match(options.includePrerelease ? re[t.COERCEFULL] : re[t.COERCE]);
      } else {
        const coerceRtlRegex = options.includePrerelease ? re[t.COERCERTLFULL] : re[t.COERCERTL];
        let next;
        while ((next = coerceRtlRegex.exec(version)) && (!match || match.index + match[0].length !== version.length)) {
          if (!match || next.index + next[0].length !== match.index + match[0].length) {
            match = next;
          }
          coerceRtlRegex.lastIndex = next.index + next[1].length + next[2].length;
        }
        coerceRtlRegex.lastIndex = -1;
      }
      if (match === null) {
        return null;
      }
      const major = match[2];
      const minor = match[3] || "0";
      const patch = match[4] || "0";
      const prerelease = options.includePrerelease && match[5] ? `-${match[5]}` : "";
      const build = options.includePrerelease && match[6] ? `+${match[6]}` : "";
      return parse(`${major}.${minor}.${patch}${prerelease}${build}`, options);
    };
    module.exports = coerce;
  }
});

// node_modules/semver/functions/truncate.js
var require_truncate = __commonJS({
  "node_modules/semver/functions/truncate.js"(exports, module) {
    "use strict";
    var parse = require_parse();
    var constants = require_constants();
    var SemVer = require_semver();
    var truncate = (version, truncation, options) => {
      if (!constants.RELEASE_TYPES.includes(truncation)) {
        return null;
      }
      const clonedVersion = cloneInputVersion(version, options);
      return clonedVersion && doTruncation(clonedVersion, truncation);
    };
    var cloneInputVersion = (version, options) => {
      const versionStringToParse = version instanceof SemVer ? version.version : version;
      return parse(versionStringToParse, options);
    };
    var doTruncation = (version, truncation) => {
      if (isPrerelease(truncation)) {
        return version.version;
      }
      version.prerelease = [];
      switch (truncation) {
        case "major":
          version.minor = 0;
          version.patch = 0;
          break;
        case "minor":
          version.patch = 0;
          break;
      }
      return version.format();
    };
    var isPrerelease = (type) => {
      return type.startsWith("pre");
    };
    module.exports = truncate;
  }
});

// node_modules/semver/internal/lrucache.js
var require_lrucache = __commonJS({
  "node_modules/semver/internal/lrucache.js"(exports, module) {
    "use strict";
    var LRUCache = class {
      constructor() {
        this.max = 1e3;
        this.map = /* @__PURE__ */ new Map();
      }
      get(key) {
        const value = this.map.get(key);
        if (value === void 0) {
          return void 0;
        } else {
          this.map.delete(key);
          this.map.set(key, value);
          return value;
        }
      }
      delete(key) {
        return this.map.delete(key);
      }
      set(key, value) {
        const deleted = this.delete(key);
        if (!deleted && value !== void 0) {
          if (this.map.size >= this.max) {
            const firstKey = this.map.keys().next().value;
            this.delete(firstKey);
          }
          this.map.set(key, value);
        }
        return this;
      }
    };
    module.exports = LRUCache;
  }
});

// node_modules/semver/internal/trim-comparator-whitespace.js
var require_trim_comparator_whitespace = __commonJS({
  "node_modules/semver/internal/trim-comparator-whitespace.js"(exports, module) {
    "use strict";
    var {
      MAX_LENGTH,
      MAX_SAFE_BUILD_LENGTH,
      WHITESPACE_CHARACTERS
    } = require_constants();
    var whitespace = new Uint8Array(65536);
    for (const char of WHITESPACE_CHARACTERS) {
      whitespace[char.charCodeAt(0)] = 1;
    }
    var isWhitespace = (char) => char !== void 0 && whitespace[char.charCodeAt(0)] === 1;
    var isVersionPrefix = (char) => char === "v" || char === "=" || isWhitespace(char);
    var isDigit = (char) => char !== void 0 && char >= "0" && char <= "9";
    var isLetter = (char) => char !== void 0 && (char >= "a" && char <= "z" || char >= "A" && char <= "Z");
    var isIdentifierCharacter = (char) => isDigit(char) || isLetter(char) || char === "-";
    var isVersionStart = (char) => isDigit(char) || char === "x" || char === "X" || char === "*";
    var findDigitsEndIndex = (range, start, limit, digitRuns) => {
      if (!isDigit(range[start])) {
        return start;
      }
      if (start >= digitRuns.start && start < digitRuns.end) {
        return Math.min(start + limit, digitRuns.end);
      }
      if (start >= digitRuns.previousStart && start < digitRuns.previousEnd) {
        return Math.min(start + limit, digitRuns.previousEnd);
      }
      let end = start + 1;
      while (isDigit(range[end])) {
        end++;
      }
      digitRuns.previousStart = digitRuns.start;
      digitRuns.previousEnd = digitRuns.end;
      digitRuns.start = start;
      digitRuns.end = end;
      return Math.min(start + limit, end);
    };
    var findVersionNumberEndIndex = (range, start, loose, digitRuns) => {
      if (!loose && range[start] === "0") {
        return start + 1;
      }
      return findDigitsEndIndex(range, start, loose ? MAX_LENGTH : MAX_LENGTH + 1, digitRuns);
    };
    var findPrereleaseIdentifierEndIndex = (range, start, loose, digitRuns) => {
      const digitsEnd = findDigitsEndIndex(range, start, MAX_LENGTH, digitRuns);
      if (isLetter(range[digitsEnd]) || range[digitsEnd] === "-") {
        let end = digitsEnd + 1;
        const limit = end + MAX_SAFE_BUILD_LENGTH;
        while (end < limit && isIdentifierCharacter(range[end])) {
          end++;
        }
        return end;
      }
      return findVersionNumberEndIndex(range, start, loose, digitRuns);
    };
    var findPrereleaseEndIndex = (range, start, loose, digitRuns) => {
      const hyphen = range[start] === "-";
      if (!loose && !hyphen) {
        return start;
      }
      const identifierStart = start + (hyphen ? 1 : 0);
      let end = findPrereleaseIdentifierEndIndex(range, identifierStart, loose, digitRuns);
      if (end === identifierStart) {
        if (!loose || !hyphen) {
          return start;
        }
        end = findPrereleaseIdentifierEndIndex(range, start, loose, digitRuns);
      }
      while (range[end] === ".") {
        const next = findPrereleaseIdentifierEndIndex(range, end + 1, loose, digitRuns);
        if (next === end + 1) {
          break;
        }
        end = next;
      }
      return end;
    };
    var findBuildIdentifierEndIndex = (range, start) => {
      let end = start;
      while (end - start < MAX_SAFE_BUILD_LENGTH && isIdentifierCharacter(range[end])) {
        end++;
      }
      return end;
    };
    var findBuildEndIndex = (range, start) => {
      if (range[start] !== "+") {
        return start;
      }
      let end = findBuildIdentifierEndIndex(range, start + 1);
      if (end === start + 1) {
        return start;
      }
      while (range[end] === ".") {
        const next = findBuildIdentifierEndIndex(range, end + 1);
        if (next === end + 1) {
          break;
        }
        end = next;
      }
      return end;
    };
    var findLooseFullVersionEndIndex = (range, start, digitRuns) => {
      let end = start;
      for (let component = 0; component < 3; component++) {
        const next = findVersionNumberEndIndex(range, end, true, digitRuns);
        if (next === end) {
          return start;
        }
        end = next;
        if (component < 2) {
          if (range[end] !== ".") {
            return start;
          }
          end++;
        }
      }
      const prereleaseEnd = findPrereleaseEndIndex(range, end, true, digitRuns);
      return findBuildEndIndex(range, prereleaseEnd);
    };
    var findPartialVersionComponentEndIndex = (range, start, digitRuns) => {
      if (isDigit(range[start])) {
        return findVersionNumberEndIndex(range, start, false, digitRuns);
      }
      return isVersionStart(range[start]) ? start + 1 : start;
    };
    var findPartialVersionEndIndex = (range, start, digitRuns) => {
      let end = findPartialVersionComponentEndIndex(range, start, digitRuns);
      for (let component = 0; component < 2; component++) {
        if (range[end] !== ".") {
          return end;
        }
        const next = findPartialVersionComponentEndIndex(range, end + 1, digitRuns);
        if (next === end + 1) {
          return end;
        }
        end = next;
      }
      const prereleaseEnd = findPrereleaseEndIndex(range, end, false, digitRuns);
      return findBuildEndIndex(range, prereleaseEnd);
    };
    var findVersionEndIndex = (range, start, digitRuns) => {
      const fullVersionEnd = findLooseFullVersionEndIndex(range, start, digitRuns);
      return fullVersionEnd !== start ? fullVersionEnd : findPartialVersionEndIndex(range, start, digitRuns);
    };
    var findRemovableWhitespaceIndex = (range, matchStart) => {
      let position = matchStart;
      if (isWhitespace(range[position])) {
        position++;
      }
      if (range[position] === "<" || range[position] === ">") {
        position++;
      }
      if (range[position] === "=") {
        position++;
      }
      return isWhitespace(range[position]) ? position : -1;
    };
    var trimComparatorWhitespace = (range) => {
      let result = "";
      let copyFrom = 0;
      let cursor = 0;
      const digitRuns = { start: -1, end: -1, previousStart: -1, previousEnd: -1 };
      while (cursor < range.length) {
        const matchStart = cursor;
        if (range[cursor] === "<" || range[cursor] === ">") {
          cursor++;
        } else if (!isVersionPrefix(range[cursor]) && !isVersionStart(range[cursor])) {
          cursor++;
          continue;
        }
        while (cursor < range.length && isVersionPrefix(range[cursor])) {
          cursor++;
        }
        if (!isVersionStart(range[cursor])) {
          continue;
        }
        const whitespacePosition = findRemovableWhitespaceIndex(range, matchStart);
        if (whitespacePosition !== -1) {
          result += range.slice(copyFrom, whitespacePosition);
          copyFrom = whitespacePosition + 1;
        }
        cursor = findVersionEndIndex(range, cursor, digitRuns);
      }
      return result + range.slice(copyFrom);
    };
    module.exports = trimComparatorWhitespace;
  }
});

// node_modules/semver/classes/range.js
var require_range = __commonJS({
  "node_modules/semver/classes/range.js"(exports, module) {
    "use strict";
    var SPACE_CHARACTERS = /\s+/g;
    var Range = class _Range {
      constructor(range, options) {
        options = parseOptions(options);
        if (range instanceof _Range) {
          if (range.loose === !!options.loose && range.includePrerelease === !!options.includePrerelease) {
            return range;
          } else {
            return new _Range(range.raw, options);
          }
        }
        if (range instanceof Comparator) {
          this.raw = range.value;
          this.set = [[range]];
          this.formatted = void 0;
          return this;
        }
        this.options = options;
        this.loose = !!options.loose;
        this.includePrerelease = !!options.includePrerelease;
        this.raw = range.trim().replace(SPACE_CHARACTERS, " ");
        this.set = this.raw.split("||").map((r) => this.parseRange(r.trim())).filter((c) => c.length);
        if (!this.set.length) {
          throw new TypeError(`Invalid SemVer Range: ${this.raw}`);
        }
        if (this.set.length > 1) {
          const first = this.set[0];
          this.set = this.set.filter((c) => !isNullSet(c[0]));
          if (this.set.length === 0) {
            this.set = [first];
          } else if (this.set.length > 1) {
            for (const c of this.set) {
              if (c.length === 1 && isAny(c[0])) {
                this.set = [c];
                break;
              }
            }
          }
        }
        this.formatted = void 0;
      }
      get range() {
        if (this.formatted === void 0) {
          this.formatted = "";
          for (let i = 0; i < this.set.length; i++) {
            if (i > 0) {
              this.formatted += "||";
            }
            const comps = this.set[i];
            for (let k = 0; k < comps.length; k++) {
              if (k > 0) {
                this.formatted += " ";
              }
              this.formatted += comps[k].toString().trim();
            }
          }
        }
        return this.formatted;
      }
      format() {
        return this.range;
      }
      toString() {
        return this.range;
      }
      parseRange(range) {
        range = range.replace(BUILDSTRIPRE, "");
        const memoOpts = (this.options.includePrerelease && FLAG_INCLUDE_PRERELEASE) | (this.options.loose && FLAG_LOOSE);
        const memoKey = memoOpts + ":" + range;
        const cached = cache.get(memoKey);
        if (cached) {
          return cached;
        }
        const loose = this.options.loose;
        const hr = loose ? re[t.HYPHENRANGELOOSE] : re[t.HYPHENRANGE];
        range = range.replace(hr, hyphenReplace(this.options.includePrerelease));
        debug("hyphen replace", range);
        range = trimComparatorWhitespace(range);
        debug("comparator trim", range);
        range = range.replace(re[t.TILDETRIM], tildeTrimReplace);
        debug("tilde trim", range);
        range = range.replace(re[t.CARETTRIM], caretTrimReplace);
        debug("caret trim", range);
        let rangeList = range.split(" ").map((comp) => parseComparator(comp, this.options)).join(" ").split(/\s+/).map((comp) => replaceGTE0(comp, this.options));
        if (loose) {
          rangeList = rangeList.filter((comp) => {
            debug("loose invalid filter", comp, this.options);
            return !!comp.match(re[t.COMPARATORLOOSE]);
          });
        }
        debug("range list", rangeList);
        const rangeMap = /* @__PURE__ */ new Map();
        const comparators = rangeList.map((comp) => new Comparator(comp, this.options));
        for (const comp of comparators) {
          if (isNullSet(comp)) {
            return [comp];
          }
          rangeMap.set(comp.value, comp);
        }
        if (rangeMap.size > 1 && rangeMap.has("")) {
          rangeMap.delete("");
        }
        const result = [...rangeMap.values()];
        cache.set(memoKey, result);
        return result;
      }
      intersects(range, options) {
        if (!(range instanceof _Range)) {
          throw new TypeError("a Range is required");
        }
        return this.set.some((thisComparators) => {
          return isSatisfiable(thisComparators, options) && range.set.some((rangeComparators) => {
            return isSatisfiable(rangeComparators, options) && thisComparators.every((thisComparator) => {
              return rangeComparators.every((rangeComparator) => {
                return thisComparator.intersects(rangeComparator, options);
              });
            });
          });
        });
      }
      // if ANY of the sets match ALL of its comparators, then pass
      test(version) {
        if (!version) {
          return false;
        }
        if (typeof version === "string") {
          try {
            version = new SemVer(version, this.options);
          } catch (er) {
            return false;
          }
        }
        for (let i = 0; i < this.set.length; i++) {
          if (testSet(this.set[i], version, this.options)) {
            return true;
          }
        }
        return false;
      }
    };
    module.exports = Range;
    var LRU = require_lrucache();
    var cache = new LRU();
    var parseOptions = require_parse_options();
    var Comparator = require_comparator();
    var debug = require_debug();
    var SemVer = require_semver();
    var trimComparatorWhitespace = require_trim_comparator_whitespace();
    var {
      safeRe: re,
      src,
      t,
      tildeTrimReplace,
      caretTrimReplace
    } = require_re();
    var { FLAG_INCLUDE_PRERELEASE, FLAG_LOOSE } = require_constants();
    var BUILDSTRIPRE = new RegExp(src[t.BUILD], "g");
    var isNullSet = (c) => c.value === "<0.0.0-0";
    var isAny = (c) => c.value === "";
    var isSatisfiable = (comparators, options) => {
      let result = true;
      const remainingComparators = comparators.slice();
      let testComparator = remainingComparators.pop();
      while (result && remainingComparators.length) {
        result = remainingComparators.every((otherComparator) => {
          return testComparator.intersects(otherComparator, options);
        });
        testComparator = remainingComparators.pop();
      }
      return result;
    };
    var parseComparator = (comp, options) => {
      comp = comp.replace(re[t.BUILD], "");
      debug("comp", comp, options);
      comp = replaceCarets(comp, options);
      debug("caret", comp);
      comp = replaceTildes(comp, options);
      debug("tildes", comp);
      comp = replaceXRanges(comp, options);
      debug("xrange", comp);
      comp = replaceStars(comp, options);
      debug("stars", comp);
      return comp;
    };
    var isX = (id) => !id || id.toLowerCase() === "x" || id === "*";
    var invalidXRangeOrder = (M, m, p) => isX(M) && !isX(m) || isX(m) && p && !isX(p);
    var replaceTildes = (comp, options) => {
      return comp.trim().split(/\s+/).map((c) => replaceTilde(c, options)).join(" ");
    };
    var replaceTilde = (comp, options) => {
      const r = options.loose ? re[t.TILDELOOSE] : re[t.TILDE];
      const z = options.includePrerelease ? "-0" : "";
      return comp.replace(r, (_, M, m, p, pr) => {
        debug("tilde", comp, _, M, m, p, pr);
        let ret;
        if (isX(M)) {
          ret = "";
        } else if (isX(m)) {
          ret = `>=${M}.0.0${z} <${+M + 1}.0.0-0`;
        } else if (isX(p)) {
          ret = `>=${M}.${m}.0${z} <${M}.${+m + 1}.0-0`;
        } else if (pr) {
          debug("replaceTilde pr", pr);
          ret = `>=${M}.${m}.${p}-${pr} <${M}.${+m + 1}.0-0`;
        } else {
          ret = `>=${M}.${m}.${p} <${M}.${+m + 1}.0-0`;
        }
        debug("tilde return", ret);
        return ret;
      });
    };
    var replaceCarets = (comp, options) => {
      return comp.trim().split(/\s+/).map((c) => replaceCaret(c, options)).join(" ");
    };
    var replaceCaret = (comp, options) => {
      debug("caret", comp, options);
      const r = options.loose ? re[t.CARETLOOSE] : re[t.CARET];
      const z = options.includePrerelease ? "-0" : "";
      return comp.replace(r, (_, M, m, p, pr) => {
        debug("caret", comp, _, M, m, p, pr);
        let ret;
        if (isX(M)) {
          ret = "";
        } else if (isX(m)) {
          ret = `>=${M}.0.0${z} <${+M + 1}.0.0-0`;
        } else if (isX(p)) {
          if (M === "0") {
            ret = `>=${M}.${m}.0${z} <${M}.${+m + 1}.0-0`;
          } else {
            ret = `>=${M}.${m}.0${z} <${+M + 1}.0.0-0`;
          }
        } else if (pr) {
          debug("replaceCaret pr", pr);
          if (M === "0") {
            if (m === "0") {
              ret = `>=${M}.${m}.${p}-${pr} <${M}.${m}.${+p + 1}-0`;
            } else {
              ret = `>=${M}.${m}.${p}-${pr} <${M}.${+m + 1}.0-0`;
            }
          } else {
            ret = `>=${M}.${m}.${p}-${pr} <${+M + 1}.0.0-0`;
          }
        } else {
          debug("no pr");
          if (M === "0") {
            if (m === "0") {
              ret = `>=${M}.${m}.${p} <${M}.${m}.${+p + 1}-0`;
            } else {
              ret = `>=${M}.${m}.${p} <${M}.${+m + 1}.0-0`;
            }
          } else {
            ret = `>=${M}.${m}.${p} <${+M + 1}.0.0-0`;
          }
        }
        debug("caret return", ret);
        return ret;
      });
    };
    var replaceXRanges = (comp, options) => {
      debug("replaceXRanges", comp, options);
      return comp.split(/\s+/).map((c) => replaceXRange(c, options)).join(" ");
    };
    var replaceXRange = (comp, options) => {
      comp = comp.trim();
      const r = options.loose ? re[t.XRANGELOOSE] : re[t.XRANGE];
      return comp.replace(r, (ret, gtlt, M, m, p, pr) => {
        debug("xRange", comp, ret, gtlt, M, m, p, pr);
        if (invalidXRangeOrder(M, m, p)) {
          return comp;
        }
        const xM = isX(M);
        const xm = xM || isX(m);
        const xp = xm || isX(p);
        const anyX = xp;
        if (gtlt === "=" && anyX) {
          gtlt = "";
        }
        pr = options.includePrerelease ? "-0" : "";
        if (xM) {
          if (gtlt === ">" || gtlt === "<") {
            ret = "<0.0.0-0";
          } else {
            ret = "*";
          }
        } else if (gtlt && anyX) {
          if (xm) {
            m = 0;
          }
          p = 0;
          if (gtlt === ">") {
            gtlt = ">=";
            if (xm) {
              M = +M + 1;
              m = 0;
              p = 0;
            } else {
              m = +m + 1;
              p = 0;
            }
          } else if (gtlt === "<=") {
            gtlt = "<";
            if (xm) {
              M = +M + 1;
            } else {
              m = +m + 1;
            }
          }
          if (gtlt === "<") {
            pr = "-0";
          }
          ret = `${gtlt + M}.${m}.${p}${pr}`;
        } else if (xm) {
          ret = `>=${M}.0.0${pr} <${+M + 1}.0.0-0`;
        } else if (xp) {
          ret = `>=${M}.${m}.0${pr} <${M}.${+m + 1}.0-0`;
        }
        debug("xRange return", ret);
        return ret;
      });
    };
    var replaceStars = (comp, options) => {
      debug("replaceStars", comp, options);
      return comp.trim().replace(re[t.STAR], "");
    };
    var replaceGTE0 = (comp, options) => {
      debug("replaceGTE0", comp, options);
      return comp.trim().replace(re[options.includePrerelease ? t.GTE0PRE : t.GTE0], "");
    };
    var hyphenReplace = (incPr) => ($0, from, fM, fm, fp, fpr, fb, to, tM, tm, tp, tpr) => {
      if (isX(fM)) {
        from = "";
      } else if (isX(fm)) {
        from = `>=${fM}.0.0${incPr ? "-0" : ""}`;
      } else if (isX(fp)) {
        from = `>=${fM}.${fm}.0${incPr ? "-0" : ""}`;
      } else if (fpr) {
        from = `>=${from}`;
      } else {
        from = `>=${from}${incPr ? "-0" : ""}`;
      }
      if (isX(tM)) {
        to = "";
      } else if (isX(tm)) {
        to = `<${+tM + 1}.0.0-0`;
      } else if (isX(tp)) {
        to = `<${tM}.${+tm + 1}.0-0`;
      } else if (tpr) {
        to = `<=${tM}.${tm}.${tp}-${tpr}`;
      } else if (incPr) {
        to = `<${tM}.${tm}.${+tp + 1}-0`;
      } else {
        to = `<=${to}`;
      }
      return `${from} ${to}`.trim();
    };
    var testSet = (set, version, options) => {
      for (let i = 0; i < set.length; i++) {
        if (!set[i].test(version)) {
          return false;
        }
      }
      if (version.prerelease.length && !options.includePrerelease) {
        for (let i = 0; i < set.length; i++) {
          debug(set[i].semver);
          if (set[i].semver === Comparator.ANY) {
            continue;
          }
          if (set[i].semver.prerelease.length > 0) {
            const allowed = set[i].semver;
            if (allowed.major === version.major && allowed.minor === version.minor && allowed.patch === version.patch) {
              return true;
            }
          }
        }
        return false;
      }
      return true;
    };
  }
});

// node_modules/semver/classes/comparator.js
var require_comparator = __commonJS({
  "node_modules/semver/classes/comparator.js"(exports, module) {
    "use strict";
    var ANY = /* @__PURE__ */ Symbol("SemVer ANY");
    var Comparator = class _Comparator {
      static get ANY() {
        return ANY;
      }
      constructor(comp, options) {
        options = parseOptions(options);
        if (comp instanceof _Comparator) {
          if (comp.loose === !!options.loose) {
            return comp;
          } else {
            comp = comp.value;
          }
        }
        comp = comp.trim().split(/\s+/).join(" ");
        debug("comparator", comp, options);
        this.options = options;
        this.loose = !!options.loose;
        this.parse(comp);
        if (this.semver === ANY) {
          this.value = "";
        } else {
          this.value = this.operator + this.semver.version;
        }
        debug("comp", this);
      }
      parse(comp) {
        const r = this.options.loose ? re[t.COMPARATORLOOSE] : re[t.COMPARATOR];
        const m = comp.match(r);
        if (!m) {
          throw new TypeError(`Invalid comparator: ${comp}`);
        }
        this.operator = m[1] !== void 0 ? m[1] : "";
        if (this.operator === "=") {
          this.operator = "";
        }
        if (!m[2]) {
          this.semver = ANY;
        } else {
          this.semver = new SemVer(m[2], this.options.loose);
        }
      }
      toString() {
        return this.value;
      }
      test(version) {
        debug("Comparator.test", version, this.options.loose);
        if (this.semver === ANY || version === ANY) {
          return true;
        }
        if (typeof version === "string") {
          try {
            version = new SemVer(version, this.options);
          } catch (er) {
            return false;
          }
        }
        return cmp(version, this.operator, this.semver, this.options);
      }
      intersects(comp, options) {
        if (!(comp instanceof _Comparator)) {
          throw new TypeError("a Comparator is required");
        }
        if (this.operator === "") {
          if (this.value === "") {
            return true;
          }
          return new Range(comp.value, options).test(this.value);
        } else if (comp.operator === "") {
          if (comp.value === "") {
            return true;
          }
          return new Range(this.value, options).test(comp.semver);
        }
        options = parseOptions(options);
        if (options.includePrerelease && (this.value === "<0.0.0-0" || comp.value === "<0.0.0-0")) {
          return false;
        }
        if (!options.includePrerelease && (this.value.startsWith("<0.0.0") || comp.value.startsWith("<0.0.0"))) {
          return false;
        }
        if (this.operator.startsWith(">") && comp.operator.startsWith(">")) {
          return true;
        }
        if (this.operator.startsWith("<") && comp.operator.startsWith("<")) {
          return true;
        }
        if (this.semver.version === comp.semver.version && this.operator.includes("=") && comp.operator.includes("=")) {
          return true;
        }
        if (cmp(this.semver, "<", comp.semver, options) && this.operator.startsWith(">") && comp.operator.startsWith("<")) {
          return true;
        }
        if (cmp(this.semver, ">", comp.semver, options) && this.operator.startsWith("<") && comp.operator.startsWith(">")) {
          return true;
        }
        return false;
      }
    };
    module.exports = Comparator;
    var parseOptions = require_parse_options();
    var { safeRe: re, t } = require_re();
    var cmp = require_cmp();
    var debug = require_debug();
    var SemVer = require_semver();
    var Range = require_range();
  }
});

// node_modules/semver/functions/satisfies.js
var require_satisfies = __commonJS({
  "node_modules/semver/functions/satisfies.js"(exports, module) {
    "use strict";
    var Range = require_range();
    var satisfies = (version, range, options) => {
      try {
        range = new Range(range, options);
      } catch (er) {
        return false;
      }
      return range.test(version);
    };
    module.exports = satisfies;
  }
});

// node_modules/semver/ranges/to-comparators.js
var require_to_comparators = __commonJS({
  "node_modules/semver/ranges/to-comparators.js"(exports, module) {
    "use strict";
    var Range = require_range();
    var toComparators = (range, options) => new Range(range, options).set.map((comp) => comp.map((c) => c.value).join(" ").trim().split(" "));
    module.exports = toComparators;
  }
});

// node_modules/semver/ranges/max-satisfying.js
var require_max_satisfying = __commonJS({
  "node_modules/semver/ranges/max-satisfying.js"(exports, module) {
    "use strict";
    var SemVer = require_semver();
    var Range = require_range();
    var maxSatisfying = (versions, range, options) => {
      let max = null;
      let maxSV = null;
      let rangeObj = null;
      try {
        rangeObj = new Range(range, options);
      } catch (er) {
        return null;
      }
      versions.forEach((v) => {
        if (rangeObj.test(v)) {
          if (!max || maxSV.compare(v) === -1) {
            max = v;
            maxSV = new SemVer(max, options);
          }
        }
      });
      return max;
    };
    module.exports = maxSatisfying;
  }
});

// node_modules/semver/ranges/min-satisfying.js
var require_min_satisfying = __commonJS({
  "node_modules/semver/ranges/min-satisfying.js"(exports, module) {
    "use strict";
    var SemVer = require_semver();
    var Range = require_range();
    var minSatisfying = (versions, range, options) => {
      let min = null;
      let minSV = null;
      let rangeObj = null;
      try {
        rangeObj = new Range(range, options);
      } catch (er) {
        return null;
      }
      versions.forEach((v) => {
        if (rangeObj.test(v)) {
          if (!min || minSV.compare(v) === 1) {
            min = v;
            minSV = new SemVer(min, options);
          }
        }
      });
      return min;
    };
    module.exports = minSatisfying;
  }
});

// node_modules/semver/ranges/min-version.js
var require_min_version = __commonJS({
  "node_modules/semver/ranges/min-version.js"(exports, module) {
    "use strict";
    var SemVer = require_semver();
    var Range = require_range();
    var gt = require_gt();
    var minVersion = (range, loose) => {
      range = new Range(range, loose);
      let minver = new SemVer("0.0.0");
      if (range.test(minver)) {
        return minver;
      }
      minver = new SemVer("0.0.0-0");
      if (range.test(minver)) {
        return minver;
      }
      minver = null;
      for (let i = 0; i < range.set.length; ++i) {
        const comparators = range.set[i];
        let setMin = null;
        comparators.forEach((comparator) => {
          const compver = new SemVer(comparator.semver.version);
          switch (comparator.operator) {
            case ">":
              if (compver.prerelease.length === 0) {
                compver.patch++;
              } else {
                compver.prerelease.push(0);
              }
              compver.raw = compver.format();
            /* fallthrough */
            case "":
            case ">=":
              if (!setMin || gt(compver, setMin)) {
                setMin = compver;
              }
              break;
            case "<":
            case "<=":
              break;
            /* istanbul ignore next */
            default:
              throw new Error(`Unexpected operation: ${comparator.operator}`);
          }
        });
        if (setMin && (!minver || gt(minver, setMin))) {
          minver = setMin;
        }
      }
      if (minver && range.test(minver)) {
        return minver;
      }
      return null;
    };
    module.exports = minVersion;
  }
});

// node_modules/semver/ranges/valid.js
var require_valid2 = __commonJS({
  "node_modules/semver/ranges/valid.js"(exports, module) {
    "use strict";
    var Range = require_range();
    var validRange = (range, options) => {
      try {
        return new Range(range, options).range || "*";
      } catch (er) {
        return null;
      }
    };
    module.exports = validRange;
  }
});

// node_modules/semver/ranges/outside.js
var require_outside = __commonJS({
  "node_modules/semver/ranges/outside.js"(exports, module) {
    "use strict";
    var SemVer = require_semver();
    var Comparator = require_comparator();
    var { ANY } = Comparator;
    var Range = require_range();
    var satisfies = require_satisfies();
    var gt = require_gt();
    var lt = require_lt();
    var lte = require_lte();
    var gte = require_gte();
    var outside = (version, range, hilo, options) => {
      version = new SemVer(version, options);
      range = new Range(range, options);
      let gtfn, ltefn, ltfn, comp, ecomp;
      switch (hilo) {
        case ">":
          gtfn = gt;
          ltefn = lte;
          ltfn = lt;
          comp = ">";
          ecomp = ">=";
          break;
        case "<":
          gtfn = lt;
          ltefn = gte;
          ltfn = gt;
          comp = "<";
          ecomp = "<=";
          break;
        default:
          throw new TypeError('Must provide a hilo val of "<" or ">"');
      }
      if (satisfies(version, range, options)) {
        return false;
      }
      for (let i = 0; i < range.set.length; ++i) {
        const comparators = range.set[i];
        let high = null;
        let low = null;
        comparators.forEach((comparator) => {
          if (comparator.semver === ANY) {
            comparator = new Comparator(">=0.0.0");
          }
          high = high || comparator;
          low = low || comparator;
          if (gtfn(comparator.semver, high.semver, options)) {
            high = comparator;
          } else if (ltfn(comparator.semver, low.semver, options)) {
            low = comparator;
          }
        });
        if (high.operator === comp || high.operator === ecomp) {
          return false;
        }
        if ((!low.operator || low.operator === comp) && ltefn(version, low.semver)) {
          return false;
        } else if (low.operator === ecomp && ltfn(version, low.semver)) {
          return false;
        }
      }
      return true;
    };
    module.exports = outside;
  }
});

// node_modules/semver/ranges/gtr.js
var require_gtr = __commonJS({
  "node_modules/semver/ranges/gtr.js"(exports, module) {
    "use strict";
    var outside = require_outside();
    var gtr = (version, range, options) => outside(version, range, ">", options);
    module.exports = gtr;
  }
});

// node_modules/semver/ranges/ltr.js
var require_ltr = __commonJS({
  "node_modules/semver/ranges/ltr.js"(exports, module) {
    "use strict";
    var outside = require_outside();
    var ltr = (version, range, options) => outside(version, range, "<", options);
    module.exports = ltr;
  }
});

// node_modules/semver/ranges/intersects.js
var require_intersects = __commonJS({
  "node_modules/semver/ranges/intersects.js"(exports, module) {
    "use strict";
    var Range = require_range();
    var intersects = (r1, r2, options) => {
      r1 = new Range(r1, options);
      r2 = new Range(r2, options);
      return r1.intersects(r2, options);
    };
    module.exports = intersects;
  }
});

// node_modules/semver/ranges/simplify.js
var require_simplify = __commonJS({
  "node_modules/semver/ranges/simplify.js"(exports, module) {
    "use strict";
    var satisfies = require_satisfies();
    var compare = require_compare();
    module.exports = (versions, range, options) => {
      const set = [];
      let first = null;
      let prev = null;
      const v = versions.sort((a, b) => compare(a, b, options));
      for (const version of v) {
        const included = satisfies(version, range, options);
        if (included) {
          prev = version;
          if (!first) {
            first = version;
          }
        } else {
          if (prev) {
            set.push([first, prev]);
          }
          prev = null;
          first = null;
        }
      }
      if (first) {
        set.push([first, null]);
      }
      const ranges = [];
      for (const [min, max] of set) {
        if (min === max) {
          ranges.push(min);
        } else if (!max && min === v[0]) {
          ranges.push("*");
        } else if (!max) {
          ranges.push(`>=${min}`);
        } else if (min === v[0]) {
          ranges.push(`<=${max}`);
        } else {
          ranges.push(`${min} - ${max}`);
        }
      }
      const simplified = ranges.join(" || ");
      const original = typeof range.raw === "string" ? range.raw : String(range);
      return simplified.length < original.length ? simplified : range;
    };
  }
});

// node_modules/semver/ranges/subset.js
var require_subset = __commonJS({
  "node_modules/semver/ranges/subset.js"(exports, module) {
    "use strict";
    var Range = require_range();
    var Comparator = require_comparator();
    var { ANY } = Comparator;
    var satisfies = require_satisfies();
    var compare = require_compare();
    var subset = (sub, dom, options = {}) => {
      if (sub === dom) {
        return true;
      }
      sub = new Range(sub, options);
      dom = new Range(dom, options);
      let sawNonNull = false;
      OUTER: for (const simpleSub of sub.set) {
        for (const simpleDom of dom.set) {
          const isSub = simpleSubset(simpleSub, simpleDom, options);
          sawNonNull = sawNonNull || isSub !== null;
          if (isSub) {
            continue OUTER;
          }
        }
        if (sawNonNull) {
          return false;
        }
      }
      return true;
    };
    var minimumVersionWithPreRelease = [new Comparator(">=0.0.0-0")];
    var minimumVersion = [new Comparator(">=0.0.0")];
    var simpleSubset = (sub, dom, options) => {
      if (sub === dom) {
        return true;
      }
      if (sub.length === 1 && sub[0].semver === ANY) {
        if (dom.length === 1 && dom[0].semver === ANY) {
          return true;
        } else if (options.includePrerelease) {
          sub = minimumVersionWithPreRelease;
        } else {
          sub = minimumVersion;
        }
      }
      if (dom.length === 1 && dom[0].semver === ANY) {
        if (options.includePrerelease) {
          return true;
        } else {
          dom = minimumVersion;
        }
      }
      const eqSet = /* @__PURE__ */ new Set();
      let gt, lt;
      for (const c of sub) {
        if (c.operator === ">" || c.operator === ">=") {
          gt = higherGT(gt, c, options);
        } else if (c.operator === "<" || c.operator === "<=") {
          lt = lowerLT(lt, c, options);
        } else {
          eqSet.add(c.semver);
        }
      }
      if (eqSet.size > 1) {
        return null;
      }
      let gtltComp;
      if (gt && lt) {
        gtltComp = compare(gt.semver, lt.semver, options);
        if (gtltComp > 0) {
          return null;
        } else if (gtltComp === 0 && (gt.operator !== ">=" || lt.operator !== "<=")) {
          return null;
        }
      }
      for (const eq of eqSet) {
        if (gt && !satisfies(eq, String(gt), options)) {
          return null;
        }
        if (lt && !satisfies(eq, String(lt), options)) {
          return null;
        }
        for (const c of dom) {
          if (!satisfies(eq, String(c), options)) {
            return false;
          }
        }
        return true;
      }
      let higher, lower;
      let hasDomLT, hasDomGT;
      let needDomLTPre = lt && !options.includePrerelease && lt.semver.prerelease.length ? lt.semver : false;
      let needDomGTPre = gt && !options.includePrerelease && gt.semver.prerelease.length ? gt.semver : false;
      if (needDomLTPre && needDomLTPre.prerelease.length === 1 && lt.operator === "<" && needDomLTPre.prerelease[0] === 0) {
        needDomLTPre = false;
      }
      for (const c of dom) {
        hasDomGT = hasDomGT || c.operator === ">" || c.operator === ">=";
        hasDomLT = hasDomLT || c.operator === "<" || c.operator === "<=";
        if (gt) {
          if (needDomGTPre) {
            if (c.semver.prerelease && c.semver.prerelease.length && c.semver.major === needDomGTPre.major && c.semver.minor === needDomGTPre.minor && c.semver.patch === needDomGTPre.patch) {
              needDomGTPre = false;
            }
          }
          if (c.operator === ">" || c.operator === ">=") {
            higher = higherGT(gt, c, options);
            if (higher === c && higher !== gt) {
              return false;
            }
          } else if (gt.operator === ">=" && !c.test(gt.semver)) {
            return false;
          }
        }
        if (lt) {
          if (needDomLTPre) {
            if (c.semver.prerelease && c.semver.prerelease.length && c.semver.major === needDomLTPre.major && c.semver.minor === needDomLTPre.minor && c.semver.patch === needDomLTPre.patch) {
              needDomLTPre = false;
            }
          }
          if (c.operator === "<" || c.operator === "<=") {
            lower = lowerLT(lt, c, options);
            if (lower === c && lower !== lt) {
              return false;
            }
          } else if (lt.operator === "<=" && !c.test(lt.semver)) {
            return false;
          }
        }
        if (!c.operator && (lt || gt) && gtltComp !== 0) {
          return false;
        }
      }
      if (gt && hasDomLT && !lt && gtltComp !== 0) {
        return false;
      }
      if (lt && hasDomGT && !gt && gtltComp !== 0) {
        return false;
      }
      if (needDomGTPre || needDomLTPre) {
        return false;
      }
      return true;
    };
    var higherGT = (a, b, options) => {
      if (!a) {
        return b;
      }
      const comp = compare(a.semver, b.semver, options);
      return comp > 0 ? a : comp < 0 ? b : b.operator === ">" && a.operator === ">=" ? b : a;
    };
    var lowerLT = (a, b, options) => {
      if (!a) {
        return b;
      }
      const comp = compare(a.semver, b.semver, options);
      return comp < 0 ? a : comp > 0 ? b : b.operator === "<" && a.operator === "<=" ? b : a;
    };
    module.exports = subset;
  }
});

// node_modules/semver/index.js
var require_semver2 = __commonJS({
  "node_modules/semver/index.js"(exports, module) {
    "use strict";
    var internalRe = require_re();
    var constants = require_constants();
    var SemVer = require_semver();
    var identifiers = require_identifiers();
    var parse = require_parse();
    var valid = require_valid();
    var clean = require_clean();
    var inc = require_inc();
    var diff = require_diff();
    var major = require_major();
    var minor = require_minor();
    var patch = require_patch();
    var prerelease = require_prerelease();
    var compare = require_compare();
    var rcompare = require_rcompare();
    var compareLoose = require_compare_loose();
    var compareBuild = require_compare_build();
    var sort = require_sort();
    var rsort = require_rsort();
    var gt = require_gt();
    var lt = require_lt();
    var eq = require_eq();
    var neq = require_neq();
    var gte = require_gte();
    var lte = require_lte();
    var cmp = require_cmp();
    var coerce = require_coerce();
    var truncate = require_truncate();
    var Comparator = require_comparator();
    var Range = require_range();
    var satisfies = require_satisfies();
    var toComparators = require_to_comparators();
    var maxSatisfying = require_max_satisfying();
    var minSatisfying = require_min_satisfying();
    var minVersion = require_min_version();
    var validRange = require_valid2();
    var outside = require_outside();
    var gtr = require_gtr();
    var ltr = require_ltr();
    var intersects = require_intersects();
    var simplifyRange = require_simplify();
    var subset = require_subset();
    module.exports = {
      parse,
      valid,
      clean,
      inc,
      diff,
      major,
      minor,
      patch,
      prerelease,
      compare,
      rcompare,
      compareLoose,
      compareBuild,
      sort,
      rsort,
      gt,
      lt,
      eq,
      neq,
      gte,
      lte,
      cmp,
      coerce,
      truncate,
      Comparator,
      Range,
      satisfies,
      toComparators,
      maxSatisfying,
      minSatisfying,
      minVersion,
      validRange,
      outside,
      gtr,
      ltr,
      intersects,
      simplifyRange,
      subset,
      SemVer,
      re: internalRe.re,
      src: internalRe.src,
      tokens: internalRe.t,
      SEMVER_SPEC_VERSION: constants.SEMVER_SPEC_VERSION,
      RELEASE_TYPES: constants.RELEASE_TYPES,
      compareIdentifiers: identifiers.compareIdentifiers,
      rcompareIdentifiers: identifiers.rcompareIdentifiers
    };
  }
});

// node_modules/jsonwebtoken/lib/asymmetricKeyDetailsSupported.js
var require_asymmetricKeyDetailsSupported = __commonJS({
  "node_modules/jsonwebtoken/lib/asymmetricKeyDetailsSupported.js"(exports, module) {
    var semver = require_semver2();
    module.exports = semver.satisfies(process.version, ">=15.7.0");
  }
});

// node_modules/jsonwebtoken/lib/rsaPssKeyDetailsSupported.js
var require_rsaPssKeyDetailsSupported = __commonJS({
  "node_modules/jsonwebtoken/lib/rsaPssKeyDetailsSupported.js"(exports, module) {
    var semver = require_semver2();
    module.exports = semver.satisfies(process.version, ">=16.9.0");
  }
});

// node_modules/jsonwebtoken/lib/validateAsymmetricKey.js
var require_validateAsymmetricKey = __commonJS({
  "node_modules/jsonwebtoken/lib/validateAsymmetricKey.js"(exports, module) {
    var ASYMMETRIC_KEY_DETAILS_SUPPORTED = require_asymmetricKeyDetailsSupported();
    var RSA_PSS_KEY_DETAILS_SUPPORTED = require_rsaPssKeyDetailsSupported();
    var allowedAlgorithmsForKeys = {
      "ec": ["ES256", "ES384", "ES512"],
      "rsa": ["RS256", "PS256", "RS384", "PS384", "RS512", "PS512"],
      "rsa-pss": ["PS256", "PS384", "PS512"]
    };
    var allowedCurves = {
      ES256: "prime256v1",
      ES384: "secp384r1",
      ES512: "secp521r1"
    };
    module.exports = function(algorithm, key) {
      if (!algorithm || !key) return;
      const keyType = key.asymmetricKeyType;
      if (!keyType) return;
      const allowedAlgorithms = allowedAlgorithmsForKeys[keyType];
      if (!allowedAlgorithms) {
        throw new Error(`Unknown key type "${keyType}".`);
      }
      if (!allowedAlgorithms.includes(algorithm)) {
        throw new Error(`"alg" parameter for "${keyType}" key type must be one of: ${allowedAlgorithms.join(", ")}.`);
      }
      if (ASYMMETRIC_KEY_DETAILS_SUPPORTED) {
        switch (keyType) {
          case "ec":
            const keyCurve = key.asymmetricKeyDetails.namedCurve;
            const allowedCurve = allowedCurves[algorithm];
            if (keyCurve !== allowedCurve) {
              throw new Error(`"alg" parameter "${algorithm}" requires curve "${allowedCurve}".`);
            }
            break;
          case "rsa-pss":
            if (RSA_PSS_KEY_DETAILS_SUPPORTED) {
              const length = parseInt(algorithm.slice(-3), 10);
              const { hashAlgorithm, mgf1HashAlgorithm, saltLength } = key.asymmetricKeyDetails;
              if (hashAlgorithm !== `sha${length}` || mgf1HashAlgorithm !== hashAlgorithm) {
                throw new Error(`Invalid key for this operation, its RSA-PSS parameters do not meet the requirements of "alg" ${algorithm}.`);
              }
              if (saltLength !== void 0 && saltLength > length >> 3) {
                throw new Error(`Invalid key for this operation, its RSA-PSS parameter saltLength does not meet the requirements of "alg" ${algorithm}.`);
              }
            }
            break;
        }
      }
    };
  }
});

// node_modules/jsonwebtoken/lib/psSupported.js
var require_psSupported = __commonJS({
  "node_modules/jsonwebtoken/lib/psSupported.js"(exports, module) {
    var semver = require_semver2();
    module.exports = semver.satisfies(process.version, "^6.12.0 || >=8.0.0");
  }
});

// node_modules/jsonwebtoken/verify.js
var require_verify = __commonJS({
  "node_modules/jsonwebtoken/verify.js"(exports, module) {
    var JsonWebTokenError = require_JsonWebTokenError();
    var NotBeforeError = require_NotBeforeError();
    var TokenExpiredError = require_TokenExpiredError();
    var decode = require_decode();
    var timespan = require_timespan();
    var validateAsymmetricKey = require_validateAsymmetricKey();
    var PS_SUPPORTED = require_psSupported();
    var jws = require_jws();
    var { KeyObject, createSecretKey, createPublicKey } = __require("crypto");
    var PUB_KEY_ALGS = ["RS256", "RS384", "RS512"];
    var EC_KEY_ALGS = ["ES256", "ES384", "ES512"];
    var RSA_KEY_ALGS = ["RS256", "RS384", "RS512"];
    var HS_ALGS = ["HS256", "HS384", "HS512"];
    if (PS_SUPPORTED) {
      PUB_KEY_ALGS.splice(PUB_KEY_ALGS.length, 0, "PS256", "PS384", "PS512");
      RSA_KEY_ALGS.splice(RSA_KEY_ALGS.length, 0, "PS256", "PS384", "PS512");
    }
    module.exports = function(jwtString, secretOrPublicKey, options, callback) {
      if (typeof options === "function" && !callback) {
        callback = options;
        options = {};
      }
      if (!options) {
        options = {};
      }
      options = Object.assign({}, options);
      let done;
      if (callback) {
        done = callback;
      } else {
        done = function(err, data) {
          if (err) throw err;
          return data;
        };
      }
      if (options.clockTimestamp && typeof options.clockTimestamp !== "number") {
        return done(new JsonWebTokenError("clockTimestamp must be a number"));
      }
      if (options.nonce !== void 0 && (typeof options.nonce !== "string" || options.nonce.trim() === "")) {
        return done(new JsonWebTokenError("nonce must be a non-empty string"));
      }
      if (options.allowInvalidAsymmetricKeyTypes !== void 0 && typeof options.allowInvalidAsymmetricKeyTypes !== "boolean") {
        return done(new JsonWebTokenError("allowInvalidAsymmetricKeyTypes must be a boolean"));
      }
      const clockTimestamp = options.clockTimestamp || Math.floor(Date.now() / 1e3);
      if (!jwtString) {
        return done(new JsonWebTokenError("jwt must be provided"));
      }
      if (typeof jwtString !== "string") {
        return done(new JsonWebTokenError("jwt must be a string"));
      }
      const parts = jwtString.split(".");
      if (parts.length !== 3) {
        return done(new JsonWebTokenError("jwt malformed"));
      }
      let decodedToken;
      try {
        decodedToken = decode(jwtString, { complete: true });
      } catch (err) {
        return done(err);
      }
      if (!decodedToken) {
        return done(new JsonWebTokenError("invalid token"));
      }
      const header = decodedToken.header;
      let getSecret;
      if (typeof secretOrPublicKey === "function") {
        if (!callback) {
          return done(new JsonWebTokenError("verify must be called asynchronous if secret or public key is provided as a callback"));
        }
        getSecret = secretOrPublicKey;
      } else {
        getSecret = function(header2, secretCallback) {
          return secretCallback(null, secretOrPublicKey);
        };
      }
      return getSecret(header, function(err, secretOrPublicKey2) {
        if (err) {
          return done(new JsonWebTokenError("error in secret or public key callback: " + err.message));
        }
        const hasSignature = parts[2].trim() !== "";
        if (!hasSignature && secretOrPublicKey2) {
          return done(new JsonWebTokenError("jwt signature is required"));
        }
        if (hasSignature && !secretOrPublicKey2) {
          return done(new JsonWebTokenError("secret or public key must be provided"));
        }
        if (!hasSignature && !options.algorithms) {
          return done(new JsonWebTokenError('please specify "none" in "algorithms" to verify unsigned tokens'));
        }
        if (secretOrPublicKey2 != null && !(secretOrPublicKey2 instanceof KeyObject)) {
          try {
            secretOrPublicKey2 = createPublicKey(secretOrPublicKey2);
          } catch (_) {
            try {
              secretOrPublicKey2 = createSecretKey(typeof secretOrPublicKey2 === "string" ? Buffer.from(secretOrPublicKey2) : secretOrPublicKey2);
            } catch (_2) {
              return done(new JsonWebTokenError("secretOrPublicKey is not valid key material"));
            }
          }
        }
        if (!options.algorithms) {
          if (secretOrPublicKey2.type === "secret") {
            options.algorithms = HS_ALGS;
          } else if (["rsa", "rsa-pss"].includes(secretOrPublicKey2.asymmetricKeyType)) {
            options.algorithms = RSA_KEY_ALGS;
          } else if (secretOrPublicKey2.asymmetricKeyType === "ec") {
            options.algorithms = EC_KEY_ALGS;
          } else {
            options.algorithms = PUB_KEY_ALGS;
          }
        }
        if (options.algorithms.indexOf(decodedToken.header.alg) === -1) {
          return done(new JsonWebTokenError("invalid algorithm"));
        }
        if (header.alg.startsWith("HS") && secretOrPublicKey2.type !== "secret") {
          return done(new JsonWebTokenError(`secretOrPublicKey must be a symmetric key when using ${header.alg}`));
        } else if (/^(?:RS|PS|ES)/.test(header.alg) && secretOrPublicKey2.type !== "public") {
          return done(new JsonWebTokenError(`secretOrPublicKey must be an asymmetric key when using ${header.alg}`));
        }
        if (!options.allowInvalidAsymmetricKeyTypes) {
          try {
            validateAsymmetricKey(header.alg, secretOrPublicKey2);
          } catch (e) {
            return done(e);
          }
        }
        let valid;
        try {
          valid = jws.verify(jwtString, decodedToken.header.alg, secretOrPublicKey2);
        } catch (e) {
          return done(e);
        }
        if (!valid) {
          return done(new JsonWebTokenError("invalid signature"));
        }
        const payload = decodedToken.payload;
        if (typeof payload.nbf !== "undefined" && !options.ignoreNotBefore) {
          if (typeof payload.nbf !== "number") {
            return done(new JsonWebTokenError("invalid nbf value"));
          }
          if (payload.nbf > clockTimestamp + (options.clockTolerance || 0)) {
            return done(new NotBeforeError("jwt not active", new Date(payload.nbf * 1e3)));
          }
        }
        if (typeof payload.exp !== "undefined" && !options.ignoreExpiration) {
          if (typeof payload.exp !== "number") {
            return done(new JsonWebTokenError("invalid exp value"));
          }
          if (clockTimestamp >= payload.exp + (options.clockTolerance || 0)) {
            return done(new TokenExpiredError("jwt expired", new Date(payload.exp * 1e3)));
          }
        }
        if (options.audience) {
          const audiences = Array.isArray(options.audience) ? options.audience : [options.audience];
          const target = Array.isArray(payload.aud) ? payload.aud : [payload.aud];
          const match = target.some(function(targetAudience) {
            return audiences.some(function(audience) {
              return audience instanceof RegExp ? audience.test(targetAudience) : audience === targetAudience;
            });
          });
          if (!match) {
            return done(new JsonWebTokenError("jwt audience invalid. expected: " + audiences.join(" or ")));
          }
        }
        if (options.issuer) {
          const invalid_issuer = typeof options.issuer === "string" && payload.iss !== options.issuer || Array.isArray(options.issuer) && options.issuer.indexOf(payload.iss) === -1;
          if (invalid_issuer) {
            return done(new JsonWebTokenError("jwt issuer invalid. expected: " + options.issuer));
          }
        }
        if (options.subject) {
          if (payload.sub !== options.subject) {
            return done(new JsonWebTokenError("jwt subject invalid. expected: " + options.subject));
          }
        }
        if (options.jwtid) {
          if (payload.jti !== options.jwtid) {
            return done(new JsonWebTokenError("jwt jwtid invalid. expected: " + options.jwtid));
          }
        }
        if (options.nonce) {
          if (payload.nonce !== options.nonce) {
            return done(new JsonWebTokenError("jwt nonce invalid. expected: " + options.nonce));
          }
        }
        if (options.maxAge) {
          if (typeof payload.iat !== "number") {
            return done(new JsonWebTokenError("iat required when maxAge is specified"));
          }
          const maxAgeTimestamp = timespan(options.maxAge, payload.iat);
          if (typeof maxAgeTimestamp === "undefined") {
            return done(new JsonWebTokenError('"maxAge" should be a number of seconds or string representing a timespan eg: "1d", "20h", 60'));
          }
          if (clockTimestamp >= maxAgeTimestamp + (options.clockTolerance || 0)) {
            return done(new TokenExpiredError("maxAge exceeded", new Date(maxAgeTimestamp * 1e3)));
          }
        }
        if (options.complete === true) {
          const signature = decodedToken.signature;
          return done(null, {
            header,
            payload,
            signature
          });
        }
        return done(null, payload);
      });
    };
  }
});

// node_modules/lodash.includes/index.js
var require_lodash = __commonJS({
  "node_modules/lodash.includes/index.js"(exports, module) {
    var INFINITY = 1 / 0;
    var MAX_SAFE_INTEGER = 9007199254740991;
    var MAX_INTEGER = 17976931348623157e292;
    var NAN = 0 / 0;
    var argsTag = "[object Arguments]";
    var funcTag = "[object Function]";
    var genTag = "[object GeneratorFunction]";
    var stringTag = "[object String]";
    var symbolTag = "[object Symbol]";
    var reTrim = /^\s+|\s+$/g;
    var reIsBadHex = /^[-+]0x[0-9a-f]+$/i;
    var reIsBinary = /^0b[01]+$/i;
    var reIsOctal = /^0o[0-7]+$/i;
    var reIsUint = /^(?:0|[1-9]\d*)$/;
    var freeParseInt = parseInt;
    function arrayMap(array, iteratee) {
      var index = -1, length = array ? array.length : 0, result = Array(length);
      while (++index < length) {
        result[index] = iteratee(array[index], index, array);
      }
      return result;
    }
    function baseFindIndex(array, predicate, fromIndex, fromRight) {
      var length = array.length, index = fromIndex + (fromRight ? 1 : -1);
      while (fromRight ? index-- : ++index < length) {
        if (predicate(array[index], index, array)) {
          return index;
        }
      }
      return -1;
    }
    function baseIndexOf(array, value, fromIndex) {
      if (value !== value) {
        return baseFindIndex(array, baseIsNaN, fromIndex);
      }
      var index = fromIndex - 1, length = array.length;
      while (++index < length) {
        if (array[index] === value) {
          return index;
        }
      }
      return -1;
    }
    function baseIsNaN(value) {
      return value !== value;
    }
    function baseTimes(n, iteratee) {
      var index = -1, result = Array(n);
      while (++index < n) {
        result[index] = iteratee(index);
      }
      return result;
    }
    function baseValues(object, props) {
      return arrayMap(props, function(key) {
        return object[key];
      });
    }
    function overArg(func, transform) {
      return function(arg) {
        return func(transform(arg));
      };
    }
    var objectProto = Object.prototype;
    var hasOwnProperty = objectProto.hasOwnProperty;
    var objectToString = objectProto.toString;
    var propertyIsEnumerable = objectProto.propertyIsEnumerable;
    var nativeKeys = overArg(Object.keys, Object);
    var nativeMax = Math.max;
    function arrayLikeKeys(value, inherited) {
      var result = isArray(value) || isArguments(value) ? baseTimes(value.length, String) : [];
      var length = result.length, skipIndexes = !!length;
      for (var key in value) {
        if ((inherited || hasOwnProperty.call(value, key)) && !(skipIndexes && (key == "length" || isIndex(key, length)))) {
          result.push(key);
        }
      }
      return result;
    }
    function baseKeys(object) {
      if (!isPrototype(object)) {
        return nativeKeys(object);
      }
      var result = [];
      for (var key in Object(object)) {
        if (hasOwnProperty.call(object, key) && key != "constructor") {
          result.push(key);
        }
      }
      return result;
    }
    function isIndex(value, length) {
      length = length == null ? MAX_SAFE_INTEGER : length;
      return !!length && (typeof value == "number" || reIsUint.test(value)) && (value > -1 && value % 1 == 0 && value < length);
    }
    function isPrototype(value) {
      var Ctor = value && value.constructor, proto = typeof Ctor == "function" && Ctor.prototype || objectProto;
      return value === proto;
    }
    function includes(collection, value, fromIndex, guard) {
      collection = isArrayLike(collection) ? collection : values(collection);
      fromIndex = fromIndex && !guard ? toInteger(fromIndex) : 0;
      var length = collection.length;
      if (fromIndex < 0) {
        fromIndex = nativeMax(length + fromIndex, 0);
      }
      return isString(collection) ? fromIndex <= length && collection.indexOf(value, fromIndex) > -1 : !!length && baseIndexOf(collection, value, fromIndex) > -1;
    }
    function isArguments(value) {
      return isArrayLikeObject(value) && hasOwnProperty.call(value, "callee") && (!propertyIsEnumerable.call(value, "callee") || objectToString.call(value) == argsTag);
    }
    var isArray = Array.isArray;
    function isArrayLike(value) {
      return value != null && isLength(value.length) && !isFunction(value);
    }
    function isArrayLikeObject(value) {
      return isObjectLike(value) && isArrayLike(value);
    }
    function isFunction(value) {
      var tag = isObject(value) ? objectToString.call(value) : "";
      return tag == funcTag || tag == genTag;
    }
    function isLength(value) {
      return typeof value == "number" && value > -1 && value % 1 == 0 && value <= MAX_SAFE_INTEGER;
    }
    function isObject(value) {
      var type = typeof value;
      return !!value && (type == "object" || type == "function");
    }
    function isObjectLike(value) {
      return !!value && typeof value == "object";
    }
    function isString(value) {
      return typeof value == "string" || !isArray(value) && isObjectLike(value) && objectToString.call(value) == stringTag;
    }
    function isSymbol(value) {
      return typeof value == "symbol" || isObjectLike(value) && objectToString.call(value) == symbolTag;
    }
    function toFinite(value) {
      if (!value) {
        return value === 0 ? value : 0;
      }
      value = toNumber(value);
      if (value === INFINITY || value === -INFINITY) {
        var sign = value < 0 ? -1 : 1;
        return sign * MAX_INTEGER;
      }
      return value === value ? value : 0;
    }
    function toInteger(value) {
      var result = toFinite(value), remainder = result % 1;
      return result === result ? remainder ? result - remainder : result : 0;
    }
    function toNumber(value) {
      if (typeof value == "number") {
        return value;
      }
      if (isSymbol(value)) {
        return NAN;
      }
      if (isObject(value)) {
        var other = typeof value.valueOf == "function" ? value.valueOf() : value;
        value = isObject(other) ? other + "" : other;
      }
      if (typeof value != "string") {
        return value === 0 ? value : +value;
      }
      value = value.replace(reTrim, "");
      var isBinary = reIsBinary.test(value);
      return isBinary || reIsOctal.test(value) ? freeParseInt(value.slice(2), isBinary ? 2 : 8) : reIsBadHex.test(value) ? NAN : +value;
    }
    function keys(object) {
      return isArrayLike(object) ? arrayLikeKeys(object) : baseKeys(object);
    }
    function values(object) {
      return object ? baseValues(object, keys(object)) : [];
    }
    module.exports = includes;
  }
});

// node_modules/lodash.isboolean/index.js
var require_lodash2 = __commonJS({
  "node_modules/lodash.isboolean/index.js"(exports, module) {
    var boolTag = "[object Boolean]";
    var objectProto = Object.prototype;
    var objectToString = objectProto.toString;
    function isBoolean(value) {
      return value === true || value === false || isObjectLike(value) && objectToString.call(value) == boolTag;
    }
    function isObjectLike(value) {
      return !!value && typeof value == "object";
    }
    module.exports = isBoolean;
  }
});

// node_modules/lodash.isinteger/index.js
var require_lodash3 = __commonJS({
  "node_modules/lodash.isinteger/index.js"(exports, module) {
    var INFINITY = 1 / 0;
    var MAX_INTEGER = 17976931348623157e292;
    var NAN = 0 / 0;
    var symbolTag = "[object Symbol]";
    var reTrim = /^\s+|\s+$/g;
    var reIsBadHex = /^[-+]0x[0-9a-f]+$/i;
    var reIsBinary = /^0b[01]+$/i;
    var reIsOctal = /^0o[0-7]+$/i;
    var freeParseInt = parseInt;
    var objectProto = Object.prototype;
    var objectToString = objectProto.toString;
    function isInteger(value) {
      return typeof value == "number" && value == toInteger(value);
    }
    function isObject(value) {
      var type = typeof value;
      return !!value && (type == "object" || type == "function");
    }
    function isObjectLike(value) {
      return !!value && typeof value == "object";
    }
    function isSymbol(value) {
      return typeof value == "symbol" || isObjectLike(value) && objectToString.call(value) == symbolTag;
    }
    function toFinite(value) {
      if (!value) {
        return value === 0 ? value : 0;
      }
      value = toNumber(value);
      if (value === INFINITY || value === -INFINITY) {
        var sign = value < 0 ? -1 : 1;
        return sign * MAX_INTEGER;
      }
      return value === value ? value : 0;
    }
    function toInteger(value) {
      var result = toFinite(value), remainder = result % 1;
      return result === result ? remainder ? result - remainder : result : 0;
    }
    function toNumber(value) {
      if (typeof value == "number") {
        return value;
      }
      if (isSymbol(value)) {
        return NAN;
      }
      if (isObject(value)) {
        var other = typeof value.valueOf == "function" ? value.valueOf() : value;
        value = isObject(other) ? other + "" : other;
      }
      if (typeof value != "string") {
        return value === 0 ? value : +value;
      }
      value = value.replace(reTrim, "");
      var isBinary = reIsBinary.test(value);
      return isBinary || reIsOctal.test(value) ? freeParseInt(value.slice(2), isBinary ? 2 : 8) : reIsBadHex.test(value) ? NAN : +value;
    }
    module.exports = isInteger;
  }
});

// node_modules/lodash.isnumber/index.js
var require_lodash4 = __commonJS({
  "node_modules/lodash.isnumber/index.js"(exports, module) {
    var numberTag = "[object Number]";
    var objectProto = Object.prototype;
    var objectToString = objectProto.toString;
    function isObjectLike(value) {
      return !!value && typeof value == "object";
    }
    function isNumber(value) {
      return typeof value == "number" || isObjectLike(value) && objectToString.call(value) == numberTag;
    }
    module.exports = isNumber;
  }
});

// node_modules/lodash.isplainobject/index.js
var require_lodash5 = __commonJS({
  "node_modules/lodash.isplainobject/index.js"(exports, module) {
    var objectTag = "[object Object]";
    function isHostObject(value) {
      var result = false;
      if (value != null && typeof value.toString != "function") {
        try {
          result = !!(value + "");
        } catch (e) {
        }
      }
      return result;
    }
    function overArg(func, transform) {
      return function(arg) {
        return func(transform(arg));
      };
    }
    var funcProto = Function.prototype;
    var objectProto = Object.prototype;
    var funcToString = funcProto.toString;
    var hasOwnProperty = objectProto.hasOwnProperty;
    var objectCtorString = funcToString.call(Object);
    var objectToString = objectProto.toString;
    var getPrototype = overArg(Object.getPrototypeOf, Object);
    function isObjectLike(value) {
      return !!value && typeof value == "object";
    }
    function isPlainObject(value) {
      if (!isObjectLike(value) || objectToString.call(value) != objectTag || isHostObject(value)) {
        return false;
      }
      var proto = getPrototype(value);
      if (proto === null) {
        return true;
      }
      var Ctor = hasOwnProperty.call(proto, "constructor") && proto.constructor;
      return typeof Ctor == "function" && Ctor instanceof Ctor && funcToString.call(Ctor) == objectCtorString;
    }
    module.exports = isPlainObject;
  }
});

// node_modules/lodash.isstring/index.js
var require_lodash6 = __commonJS({
  "node_modules/lodash.isstring/index.js"(exports, module) {
    var stringTag = "[object String]";
    var objectProto = Object.prototype;
    var objectToString = objectProto.toString;
    var isArray = Array.isArray;
    function isObjectLike(value) {
      return !!value && typeof value == "object";
    }
    function isString(value) {
      return typeof value == "string" || !isArray(value) && isObjectLike(value) && objectToString.call(value) == stringTag;
    }
    module.exports = isString;
  }
});

// node_modules/lodash.once/index.js
var require_lodash7 = __commonJS({
  "node_modules/lodash.once/index.js"(exports, module) {
    var FUNC_ERROR_TEXT = "Expected a function";
    var INFINITY = 1 / 0;
    var MAX_INTEGER = 17976931348623157e292;
    var NAN = 0 / 0;
    var symbolTag = "[object Symbol]";
    var reTrim = /^\s+|\s+$/g;
    var reIsBadHex = /^[-+]0x[0-9a-f]+$/i;
    var reIsBinary = /^0b[01]+$/i;
    var reIsOctal = /^0o[0-7]+$/i;
    var freeParseInt = parseInt;
    var objectProto = Object.prototype;
    var objectToString = objectProto.toString;
    function before(n, func) {
      var result;
      if (typeof func != "function") {
        throw new TypeError(FUNC_ERROR_TEXT);
      }
      n = toInteger(n);
      return function() {
        if (--n > 0) {
          result = func.apply(this, arguments);
        }
        if (n <= 1) {
          func = void 0;
        }
        return result;
      };
    }
    function once(func) {
      return before(2, func);
    }
    function isObject(value) {
      var type = typeof value;
      return !!value && (type == "object" || type == "function");
    }
    function isObjectLike(value) {
      return !!value && typeof value == "object";
    }
    function isSymbol(value) {
      return typeof value == "symbol" || isObjectLike(value) && objectToString.call(value) == symbolTag;
    }
    function toFinite(value) {
      if (!value) {
        return value === 0 ? value : 0;
      }
      value = toNumber(value);
      if (value === INFINITY || value === -INFINITY) {
        var sign = value < 0 ? -1 : 1;
        return sign * MAX_INTEGER;
      }
      return value === value ? value : 0;
    }
    function toInteger(value) {
      var result = toFinite(value), remainder = result % 1;
      return result === result ? remainder ? result - remainder : result : 0;
    }
    function toNumber(value) {
      if (typeof value == "number") {
        return value;
      }
      if (isSymbol(value)) {
        return NAN;
      }
      if (isObject(value)) {
        var other = typeof value.valueOf == "function" ? value.valueOf() : value;
        value = isObject(other) ? other + "" : other;
      }
      if (typeof value != "string") {
        return value === 0 ? value : +value;
      }
      value = value.replace(reTrim, "");
      var isBinary = reIsBinary.test(value);
      return isBinary || reIsOctal.test(value) ? freeParseInt(value.slice(2), isBinary ? 2 : 8) : reIsBadHex.test(value) ? NAN : +value;
    }
    module.exports = once;
  }
});

// node_modules/jsonwebtoken/sign.js
var require_sign = __commonJS({
  "node_modules/jsonwebtoken/sign.js"(exports, module) {
    var timespan = require_timespan();
    var PS_SUPPORTED = require_psSupported();
    var validateAsymmetricKey = require_validateAsymmetricKey();
    var jws = require_jws();
    var includes = require_lodash();
    var isBoolean = require_lodash2();
    var isInteger = require_lodash3();
    var isNumber = require_lodash4();
    var isPlainObject = require_lodash5();
    var isString = require_lodash6();
    var once = require_lodash7();
    var { KeyObject, createSecretKey, createPrivateKey: createPrivateKey2 } = __require("crypto");
    var SUPPORTED_ALGS = ["RS256", "RS384", "RS512", "ES256", "ES384", "ES512", "HS256", "HS384", "HS512", "none"];
    if (PS_SUPPORTED) {
      SUPPORTED_ALGS.splice(3, 0, "PS256", "PS384", "PS512");
    }
    var sign_options_schema = {
      expiresIn: { isValid: function(value) {
        return isInteger(value) || isString(value) && value;
      }, message: '"expiresIn" should be a number of seconds or string representing a timespan' },
      notBefore: { isValid: function(value) {
        return isInteger(value) || isString(value) && value;
      }, message: '"notBefore" should be a number of seconds or string representing a timespan' },
      audience: { isValid: function(value) {
        return isString(value) || Array.isArray(value);
      }, message: '"audience" must be a string or array' },
      algorithm: { isValid: includes.bind(null, SUPPORTED_ALGS), message: '"algorithm" must be a valid string enum value' },
      header: { isValid: isPlainObject, message: '"header" must be an object' },
      encoding: { isValid: isString, message: '"encoding" must be a string' },
      issuer: { isValid: isString, message: '"issuer" must be a string' },
      subject: { isValid: isString, message: '"subject" must be a string' },
      jwtid: { isValid: isString, message: '"jwtid" must be a string' },
      noTimestamp: { isValid: isBoolean, message: '"noTimestamp" must be a boolean' },
      keyid: { isValid: isString, message: '"keyid" must be a string' },
      mutatePayload: { isValid: isBoolean, message: '"mutatePayload" must be a boolean' },
      allowInsecureKeySizes: { isValid: isBoolean, message: '"allowInsecureKeySizes" must be a boolean' },
      allowInvalidAsymmetricKeyTypes: { isValid: isBoolean, message: '"allowInvalidAsymmetricKeyTypes" must be a boolean' }
    };
    var registered_claims_schema = {
      iat: { isValid: isNumber, message: '"iat" should be a number of seconds' },
      exp: { isValid: isNumber, message: '"exp" should be a number of seconds' },
      nbf: { isValid: isNumber, message: '"nbf" should be a number of seconds' }
    };
    function validate(schema, allowUnknown, object, parameterName) {
      if (!isPlainObject(object)) {
        throw new Error('Expected "' + parameterName + '" to be a plain object.');
      }
      Object.keys(object).forEach(function(key) {
        const validator = schema[key];
        if (!validator) {
          if (!allowUnknown) {
            throw new Error('"' + key + '" is not allowed in "' + parameterName + '"');
          }
          return;
        }
        if (!validator.isValid(object[key])) {
          throw new Error(validator.message);
        }
      });
    }
    function validateOptions(options) {
      return validate(sign_options_schema, false, options, "options");
    }
    function validatePayload(payload) {
      return validate(registered_claims_schema, true, payload, "payload");
    }
    var options_to_payload = {
      "audience": "aud",
      "issuer": "iss",
      "subject": "sub",
      "jwtid": "jti"
    };
    var options_for_objects = [
      "expiresIn",
      "notBefore",
      "noTimestamp",
      "audience",
      "issuer",
      "subject",
      "jwtid"
    ];
    module.exports = function(payload, secretOrPrivateKey, options, callback) {
      if (typeof options === "function") {
        callback = options;
        options = {};
      } else {
        options = options || {};
      }
      const isObjectPayload = typeof payload === "object" && !Buffer.isBuffer(payload);
      const header = Object.assign({
        alg: options.algorithm || "HS256",
        typ: isObjectPayload ? "JWT" : void 0,
        kid: options.keyid
      }, options.header);
      function failure(err) {
        if (callback) {
          return callback(err);
        }
        throw err;
      }
      if (!secretOrPrivateKey && options.algorithm !== "none") {
        return failure(new Error("secretOrPrivateKey must have a value"));
      }
      if (secretOrPrivateKey != null && !(secretOrPrivateKey instanceof KeyObject)) {
        try {
          secretOrPrivateKey = createPrivateKey2(secretOrPrivateKey);
        } catch (_) {
          try {
            secretOrPrivateKey = createSecretKey(typeof secretOrPrivateKey === "string" ? Buffer.from(secretOrPrivateKey) : secretOrPrivateKey);
          } catch (_2) {
            return failure(new Error("secretOrPrivateKey is not valid key material"));
          }
        }
      }
      if (header.alg.startsWith("HS") && secretOrPrivateKey.type !== "secret") {
        return failure(new Error(`secretOrPrivateKey must be a symmetric key when using ${header.alg}`));
      } else if (/^(?:RS|PS|ES)/.test(header.alg)) {
        if (secretOrPrivateKey.type !== "private") {
          return failure(new Error(`secretOrPrivateKey must be an asymmetric key when using ${header.alg}`));
        }
        if (!options.allowInsecureKeySizes && !header.alg.startsWith("ES") && secretOrPrivateKey.asymmetricKeyDetails !== void 0 && //KeyObject.asymmetricKeyDetails is supported in Node 15+
        secretOrPrivateKey.asymmetricKeyDetails.modulusLength < 2048) {
          return failure(new Error(`secretOrPrivateKey has a minimum key size of 2048 bits for ${header.alg}`));
        }
      }
      if (typeof payload === "undefined") {
        return failure(new Error("payload is required"));
      } else if (isObjectPayload) {
        try {
          validatePayload(payload);
        } catch (error) {
          return failure(error);
        }
        if (!options.mutatePayload) {
          payload = Object.assign({}, payload);
        }
      } else {
        const invalid_options = options_for_objects.filter(function(opt) {
          return typeof options[opt] !== "undefined";
        });
        if (invalid_options.length > 0) {
          return failure(new Error("invalid " + invalid_options.join(",") + " option for " + typeof payload + " payload"));
        }
      }
      if (typeof payload.exp !== "undefined" && typeof options.expiresIn !== "undefined") {
        return failure(new Error('Bad "options.expiresIn" option the payload already has an "exp" property.'));
      }
      if (typeof payload.nbf !== "undefined" && typeof options.notBefore !== "undefined") {
        return failure(new Error('Bad "options.notBefore" option the payload already has an "nbf" property.'));
      }
      try {
        validateOptions(options);
      } catch (error) {
        return failure(error);
      }
      if (!options.allowInvalidAsymmetricKeyTypes) {
        try {
          validateAsymmetricKey(header.alg, secretOrPrivateKey);
        } catch (error) {
          return failure(error);
        }
      }
      const timestamp = payload.iat || Math.floor(Date.now() / 1e3);
      if (options.noTimestamp) {
        delete payload.iat;
      } else if (isObjectPayload) {
        payload.iat = timestamp;
      }
      if (typeof options.notBefore !== "undefined") {
        try {
          payload.nbf = timespan(options.notBefore, timestamp);
        } catch (err) {
          return failure(err);
        }
        if (typeof payload.nbf === "undefined") {
          return failure(new Error('"notBefore" should be a number of seconds or string representing a timespan eg: "1d", "20h", 60'));
        }
      }
      if (typeof options.expiresIn !== "undefined" && typeof payload === "object") {
        try {
          payload.exp = timespan(options.expiresIn, timestamp);
        } catch (err) {
          return failure(err);
        }
        if (typeof payload.exp === "undefined") {
          return failure(new Error('"expiresIn" should be a number of seconds or string representing a timespan eg: "1d", "20h", 60'));
        }
      }
      Object.keys(options_to_payload).forEach(function(key) {
        const claim = options_to_payload[key];
        if (typeof options[key] !== "undefined") {
          if (typeof payload[claim] !== "undefined") {
            return failure(new Error('Bad "options.' + key + '" option. The payload already has an "' + claim + '" property.'));
          }
          payload[claim] = options[key];
        }
      });
      const encoding = options.encoding || "utf8";
      if (typeof callback === "function") {
        callback = callback && once(callback);
        jws.createSign({
          header,
          privateKey: secretOrPrivateKey,
          payload,
          encoding
        }).once("error", callback).once("done", function(signature) {
          if (!options.allowInsecureKeySizes && /^(?:RS|PS)/.test(header.alg) && signature.length < 256) {
            return callback(new Error(`secretOrPrivateKey has a minimum key size of 2048 bits for ${header.alg}`));
          }
          callback(null, signature);
        });
      } else {
        let signature = jws.sign({ header, payload, secret: secretOrPrivateKey, encoding });
        if (!options.allowInsecureKeySizes && /^(?:RS|PS)/.test(header.alg) && signature.length < 256) {
          throw new Error(`secretOrPrivateKey has a minimum key size of 2048 bits for ${header.alg}`);
        }
        return signature;
      }
    };
  }
});

// node_modules/jsonwebtoken/index.js
var require_jsonwebtoken = __commonJS({
  "node_modules/jsonwebtoken/index.js"(exports, module) {
    module.exports = {
      decode: require_decode(),
      verify: require_verify(),
      sign: require_sign(),
      JsonWebTokenError: require_JsonWebTokenError(),
      NotBeforeError: require_NotBeforeError(),
      TokenExpiredError: require_TokenExpiredError()
    };
  }
});

// node_modules/@mojaloop/sdk-standard-components/src/lib/jws/jwsValidator.js
var require_jwsValidator = __commonJS({
  "node_modules/@mojaloop/sdk-standard-components/src/lib/jws/jwsValidator.js"(exports, module) {
    "use strict";
    var base64url = require_base64url2();
    var jwt = require_jsonwebtoken();
    var safeStringify = require_fast_safe_stringify();
    var SIGNATURE_ALGORITHM = "RS256";
    var JwsValidator = class {
      constructor(config) {
        this.logger = config.logger || console;
        if (!config.validationKeys) {
          throw new Error("Validation keys must be supplied as config argument");
        }
        this.validationKeys = config.validationKeys;
      }
      /**
       * Validates the JWS headers on an incoming HTTP request
       * Throws if the protected header or signature are not valid
       */
      validate(request) {
        try {
          const { headers, body, data } = request;
          const payload = body || data;
          this.logger.isDebugEnabled() && this.logger.debug(`Validating JWS on request with headers: ${safeStringify(headers)} and body: ${safeStringify(payload)}`);
          if (!payload) {
            throw new Error("Cannot validate JWS without a body");
          }
          if (!headers["fspiop-source"]) {
            throw new Error("FSPIOP-Source HTTP header not in request headers. Unable to verify JWS");
          }
          const pubKey = this.validationKeys[headers["fspiop-source"]];
          if (!pubKey) {
            throw new Error(`JWS public key for '${headers["fspiop-source"]}' not available. Unable to verify JWS. Only have keys for: ${safeStringify(Object.keys(this.validationKeys))}`);
          }
          if (!headers["fspiop-uri"] || !headers["fspiop-http-method"] || !headers["fspiop-signature"]) {
            throw new Error(`fspiop-uri, fspiop-http-method and fspiop-signature HTTP headers are all required for JWS. Only got ${safeStringify(headers)}`);
          }
          const signatureHeader = JSON.parse(headers["fspiop-signature"]);
          const { protectedHeader, signature } = signatureHeader;
          const token = `${protectedHeader}.${base64url(JSON.stringify(payload))}.${signature}`;
          const result = jwt.verify(token, pubKey, {
            complete: true,
            algorithms: [SIGNATURE_ALGORITHM]
            //only allow our SIGNATURE_ALGORITHM
          });
          this._validateProtectedHeader(headers, result.header);
          this.logger.isDebugEnabled() && this.logger.debug(`JWS verify result: ${safeStringify(result)}`);
          this.logger.isDebugEnabled() && this.logger.debug(`JWS valid for request ${safeStringify(request)}`);
        } catch (err) {
          this.logger.isDebugEnabled() && this.logger.debug(`Error validating JWS: ${err.stack || safeStringify(err)}`);
          throw err;
        }
      }
      /**
       * Validates the protected header and checks it against the actual request headers.
       * Throws an exception if a discrepancy is detected or validation fails.
       */
      _validateProtectedHeader(headers, decodedProtectedHeader) {
        if (!decodedProtectedHeader["alg"]) {
          throw new Error(`Decoded protected header does not contain required alg element: ${safeStringify(decodedProtectedHeader)}`);
        }
        if (decodedProtectedHeader.alg !== SIGNATURE_ALGORITHM) {
          throw new Error(`Invalid protected header alg '${decodedProtectedHeader.alg}' should be '${SIGNATURE_ALGORITHM}'`);
        }
        if (!decodedProtectedHeader["FSPIOP-URI"]) {
          throw new Error(`Decoded protected header does not contain required FSPIOP-URI element: ${safeStringify(decodedProtectedHeader)}`);
        }
        if (!headers["fspiop-uri"]) {
          throw new Error(`FSPIOP-URI HTTP header not present in request headers: ${safeStringify(headers)}`);
        }
        if (decodedProtectedHeader["FSPIOP-URI"] !== headers["fspiop-uri"]) {
          throw new Error(`FSPIOP-URI HTTP request header value: ${headers["fspiop-uri"]} does not match protected header value: ${decodedProtectedHeader["FSPIOP-URI"]}`);
        }
        if (!decodedProtectedHeader["FSPIOP-HTTP-Method"]) {
          throw new Error(`Decoded protected header does not contain required FSPIOP-HTTP-Method element: ${safeStringify(decodedProtectedHeader)}`);
        }
        if (!headers["fspiop-http-method"]) {
          throw new Error(`FSPIOP-HTTP-Method HTTP header not present in request headers: ${safeStringify(headers)}`);
        }
        if (decodedProtectedHeader["FSPIOP-HTTP-Method"] !== headers["fspiop-http-method"]) {
          throw new Error(`FSPIOP-HTTP-Method HTTP request header value: ${headers["fspiop-http-method"]} does not match protected header value: ${decodedProtectedHeader["FSPIOP-HTTP-Method"]}`);
        }
        if (!decodedProtectedHeader["FSPIOP-Source"]) {
          throw new Error(`Decoded protected header does not contain required FSPIOP-Source element: ${safeStringify(decodedProtectedHeader)}`);
        }
        if (!headers["fspiop-source"]) {
          throw new Error(`FSPIOP-Source HTTP header not present in request headers: ${safeStringify(headers)}`);
        }
        if (decodedProtectedHeader["FSPIOP-Source"] !== headers["fspiop-source"]) {
          throw new Error(`FSPIOP-Source HTTP request header value: ${headers["fspiop-source"]} does not match protected header value: ${decodedProtectedHeader["FSPIOP-Source"]}`);
        }
        if (decodedProtectedHeader["Date"] && !headers["date"]) {
          throw new Error(`Date header is present in protected header but not in HTTP request: ${safeStringify(headers)}`);
        }
        if (decodedProtectedHeader["Date"] && headers["date"] !== decodedProtectedHeader["Date"]) {
          throw new Error(`HTTP date header: ${headers["date"]} does not match protected header Date value: ${decodedProtectedHeader["Date"]}`);
        }
        if (headers["fspiop-destination"] && !decodedProtectedHeader["FSPIOP-Destination"]) {
          throw new Error(`HTTP fspiop-destination header is present but is not present in protected header: ${safeStringify(decodedProtectedHeader)}`);
        }
        if (decodedProtectedHeader["FSPIOP-Destination"] && !headers["fspiop-destination"]) {
          throw new Error(`FSPIOP-Destination header is present in protected header but not in HTTP request: ${safeStringify(headers)}`);
        }
        if (headers["fspiop-destination"] && headers["fspiop-destination"] !== decodedProtectedHeader["FSPIOP-Destination"]) {
          throw new Error(`HTTP FSPIOP-Destination header: ${headers["fspiop-destination"]} does not match protected header FSPIOP-Destination value: ${decodedProtectedHeader["FSPIOP-Destination"]}`);
        }
      }
    };
    module.exports = JwsValidator;
  }
});

// node_modules/jws/lib/data-stream.js
var require_data_stream2 = __commonJS({
  "node_modules/jws/lib/data-stream.js"(exports, module) {
    var Buffer2 = require_safe_buffer().Buffer;
    var Stream = __require("stream");
    var util = __require("util");
    function DataStream(data) {
      this.buffer = null;
      this.writable = true;
      this.readable = true;
      if (!data) {
        this.buffer = Buffer2.alloc(0);
        return this;
      }
      if (typeof data.pipe === "function") {
        this.buffer = Buffer2.alloc(0);
        data.pipe(this);
        return this;
      }
      if (data.length || typeof data === "object") {
        this.buffer = data;
        this.writable = false;
        process.nextTick(function() {
          this.emit("end", data);
          this.readable = false;
          this.emit("close");
        }.bind(this));
        return this;
      }
      throw new TypeError("Unexpected data type (" + typeof data + ")");
    }
    util.inherits(DataStream, Stream);
    DataStream.prototype.write = function write(data) {
      this.buffer = Buffer2.concat([this.buffer, Buffer2.from(data)]);
      this.emit("data", data);
    };
    DataStream.prototype.end = function end(data) {
      if (data)
        this.write(data);
      this.emit("end", data);
      this.emit("close");
      this.writable = false;
      this.readable = false;
    };
    module.exports = DataStream;
  }
});

// node_modules/jwa/index.js
var require_jwa2 = __commonJS({
  "node_modules/jwa/index.js"(exports, module) {
    var Buffer2 = require_safe_buffer().Buffer;
    var crypto2 = __require("crypto");
    var formatEcdsa = require_ecdsa_sig_formatter();
    var util = __require("util");
    var MSG_INVALID_ALGORITHM = '"%s" is not a valid algorithm.\n  Supported algorithms are:\n  "HS256", "HS384", "HS512", "RS256", "RS384", "RS512", "PS256", "PS384", "PS512", "ES256", "ES384", "ES512" and "none".';
    var MSG_INVALID_SECRET = "secret must be a string or buffer";
    var MSG_INVALID_VERIFIER_KEY = "key must be a string or a buffer";
    var MSG_INVALID_SIGNER_KEY = "key must be a string, a buffer or an object";
    var supportsKeyObjects = typeof crypto2.createPublicKey === "function";
    if (supportsKeyObjects) {
      MSG_INVALID_VERIFIER_KEY += " or a KeyObject";
      MSG_INVALID_SECRET += "or a KeyObject";
    }
    function checkIsPublicKey(key) {
      if (Buffer2.isBuffer(key)) {
        return;
      }
      if (typeof key === "string") {
        return;
      }
      if (!supportsKeyObjects) {
        throw typeError(MSG_INVALID_VERIFIER_KEY);
      }
      if (typeof key !== "object") {
        throw typeError(MSG_INVALID_VERIFIER_KEY);
      }
      if (typeof key.type !== "string") {
        throw typeError(MSG_INVALID_VERIFIER_KEY);
      }
      if (typeof key.asymmetricKeyType !== "string") {
        throw typeError(MSG_INVALID_VERIFIER_KEY);
      }
      if (typeof key.export !== "function") {
        throw typeError(MSG_INVALID_VERIFIER_KEY);
      }
    }
    function checkIsPrivateKey(key) {
      if (Buffer2.isBuffer(key)) {
        return;
      }
      if (typeof key === "string") {
        return;
      }
      if (typeof key === "object") {
        return;
      }
      throw typeError(MSG_INVALID_SIGNER_KEY);
    }
    function checkIsSecretKey(key) {
      if (Buffer2.isBuffer(key)) {
        return;
      }
      if (typeof key === "string") {
        return key;
      }
      if (!supportsKeyObjects) {
        throw typeError(MSG_INVALID_SECRET);
      }
      if (typeof key !== "object") {
        throw typeError(MSG_INVALID_SECRET);
      }
      if (key.type !== "secret") {
        throw typeError(MSG_INVALID_SECRET);
      }
      if (typeof key.export !== "function") {
        throw typeError(MSG_INVALID_SECRET);
      }
    }
    function fromBase64(base64) {
      return base64.replace(/=/g, "").replace(/\+/g, "-").replace(/\//g, "_");
    }
    function toBase64(base64url) {
      base64url = base64url.toString();
      var padding = 4 - base64url.length % 4;
      if (padding !== 4) {
        for (var i = 0; i < padding; ++i) {
          base64url += "=";
        }
      }
      return base64url.replace(/\-/g, "+").replace(/_/g, "/");
    }
    function typeError(template) {
      var args = [].slice.call(arguments, 1);
      var errMsg = util.format.bind(util, template).apply(null, args);
      return new TypeError(errMsg);
    }
    function bufferOrString(obj) {
      return Buffer2.isBuffer(obj) || typeof obj === "string";
    }
    function normalizeInput(thing) {
      if (!bufferOrString(thing))
        thing = JSON.stringify(thing);
      return thing;
    }
    function createHmacSigner(bits) {
      return function sign(thing, secret) {
        checkIsSecretKey(secret);
        thing = normalizeInput(thing);
        var hmac = crypto2.createHmac("sha" + bits, secret);
        var sig = (hmac.update(thing), hmac.digest("base64"));
        return fromBase64(sig);
      };
    }
    var bufferEqual;
    var timingSafeEqual = "timingSafeEqual" in crypto2 ? function timingSafeEqual2(a, b) {
      if (a.byteLength !== b.byteLength) {
        return false;
      }
      return crypto2.timingSafeEqual(a, b);
    } : function timingSafeEqual2(a, b) {
      if (!bufferEqual) {
        bufferEqual = require_buffer_equal_constant_time();
      }
      return bufferEqual(a, b);
    };
    function createHmacVerifier(bits) {
      return function verify(thing, signature, secret) {
        var computedSig = createHmacSigner(bits)(thing, secret);
        return timingSafeEqual(Buffer2.from(signature), Buffer2.from(computedSig));
      };
    }
    function createKeySigner(bits) {
      return function sign(thing, privateKey2) {
        checkIsPrivateKey(privateKey2);
        thing = normalizeInput(thing);
        var signer = crypto2.createSign("RSA-SHA" + bits);
        var sig = (signer.update(thing), signer.sign(privateKey2, "base64"));
        return fromBase64(sig);
      };
    }
    function createKeyVerifier(bits) {
      return function verify(thing, signature, publicKey) {
        checkIsPublicKey(publicKey);
        thing = normalizeInput(thing);
        signature = toBase64(signature);
        var verifier = crypto2.createVerify("RSA-SHA" + bits);
        verifier.update(thing);
        return verifier.verify(publicKey, signature, "base64");
      };
    }
    function createPSSKeySigner(bits) {
      return function sign(thing, privateKey2) {
        checkIsPrivateKey(privateKey2);
        thing = normalizeInput(thing);
        var signer = crypto2.createSign("RSA-SHA" + bits);
        var sig = (signer.update(thing), signer.sign({
          key: privateKey2,
          padding: crypto2.constants.RSA_PKCS1_PSS_PADDING,
          saltLength: crypto2.constants.RSA_PSS_SALTLEN_DIGEST
        }, "base64"));
        return fromBase64(sig);
      };
    }
    function createPSSKeyVerifier(bits) {
      return function verify(thing, signature, publicKey) {
        checkIsPublicKey(publicKey);
        thing = normalizeInput(thing);
        signature = toBase64(signature);
        var verifier = crypto2.createVerify("RSA-SHA" + bits);
        verifier.update(thing);
        return verifier.verify({
          key: publicKey,
          padding: crypto2.constants.RSA_PKCS1_PSS_PADDING,
          saltLength: crypto2.constants.RSA_PSS_SALTLEN_DIGEST
        }, signature, "base64");
      };
    }
    function createECDSASigner(bits) {
      var inner = createKeySigner(bits);
      return function sign() {
        var signature = inner.apply(null, arguments);
        signature = formatEcdsa.derToJose(signature, "ES" + bits);
        return signature;
      };
    }
    function createECDSAVerifer(bits) {
      var inner = createKeyVerifier(bits);
      return function verify(thing, signature, publicKey) {
        signature = formatEcdsa.joseToDer(signature, "ES" + bits).toString("base64");
        var result = inner(thing, signature, publicKey);
        return result;
      };
    }
    function createNoneSigner() {
      return function sign() {
        return "";
      };
    }
    function createNoneVerifier() {
      return function verify(thing, signature) {
        return signature === "";
      };
    }
    module.exports = function jwa(algorithm) {
      var signerFactories = {
        hs: createHmacSigner,
        rs: createKeySigner,
        ps: createPSSKeySigner,
        es: createECDSASigner,
        none: createNoneSigner
      };
      var verifierFactories = {
        hs: createHmacVerifier,
        rs: createKeyVerifier,
        ps: createPSSKeyVerifier,
        es: createECDSAVerifer,
        none: createNoneVerifier
      };
      var match = algorithm.match(/^(RS|PS|ES|HS)(256|384|512)$|^(none)$/);
      if (!match)
        throw typeError(MSG_INVALID_ALGORITHM, algorithm);
      var algo = (match[1] || match[3]).toLowerCase();
      var bits = match[2];
      return {
        sign: signerFactories[algo](bits),
        verify: verifierFactories[algo](bits)
      };
    };
  }
});

// node_modules/jws/lib/tostring.js
var require_tostring2 = __commonJS({
  "node_modules/jws/lib/tostring.js"(exports, module) {
    var Buffer2 = __require("buffer").Buffer;
    module.exports = function toString(obj) {
      if (typeof obj === "string")
        return obj;
      if (typeof obj === "number" || Buffer2.isBuffer(obj))
        return obj.toString();
      return JSON.stringify(obj);
    };
  }
});

// node_modules/jws/lib/sign-stream.js
var require_sign_stream2 = __commonJS({
  "node_modules/jws/lib/sign-stream.js"(exports, module) {
    var Buffer2 = require_safe_buffer().Buffer;
    var DataStream = require_data_stream2();
    var jwa = require_jwa2();
    var Stream = __require("stream");
    var toString = require_tostring2();
    var util = __require("util");
    function base64url(string, encoding) {
      return Buffer2.from(string, encoding).toString("base64").replace(/=/g, "").replace(/\+/g, "-").replace(/\//g, "_");
    }
    function jwsSecuredInput(header, payload, encoding) {
      encoding = encoding || "utf8";
      var encodedHeader = base64url(toString(header), "binary");
      var encodedPayload = base64url(toString(payload), encoding);
      return util.format("%s.%s", encodedHeader, encodedPayload);
    }
    function jwsSign(opts) {
      var header = opts.header;
      var payload = opts.payload;
      var secretOrKey = opts.secret || opts.privateKey;
      var encoding = opts.encoding;
      var algo = jwa(header.alg);
      var securedInput = jwsSecuredInput(header, payload, encoding);
      var signature = algo.sign(securedInput, secretOrKey);
      return util.format("%s.%s", securedInput, signature);
    }
    function SignStream(opts) {
      var secret = opts.secret || opts.privateKey || opts.key;
      var secretStream = new DataStream(secret);
      this.readable = true;
      this.header = opts.header;
      this.encoding = opts.encoding;
      this.secret = this.privateKey = this.key = secretStream;
      this.payload = new DataStream(opts.payload);
      this.secret.once("close", function() {
        if (!this.payload.writable && this.readable)
          this.sign();
      }.bind(this));
      this.payload.once("close", function() {
        if (!this.secret.writable && this.readable)
          this.sign();
      }.bind(this));
    }
    util.inherits(SignStream, Stream);
    SignStream.prototype.sign = function sign() {
      try {
        var signature = jwsSign({
          header: this.header,
          payload: this.payload.buffer,
          secret: this.secret.buffer,
          encoding: this.encoding
        });
        this.emit("done", signature);
        this.emit("data", signature);
        this.emit("end");
        this.readable = false;
        return signature;
      } catch (e) {
        this.readable = false;
        this.emit("error", e);
        this.emit("close");
      }
    };
    SignStream.sign = jwsSign;
    module.exports = SignStream;
  }
});

// node_modules/jws/lib/verify-stream.js
var require_verify_stream2 = __commonJS({
  "node_modules/jws/lib/verify-stream.js"(exports, module) {
    var Buffer2 = require_safe_buffer().Buffer;
    var DataStream = require_data_stream2();
    var jwa = require_jwa2();
    var Stream = __require("stream");
    var toString = require_tostring2();
    var util = __require("util");
    var JWS_REGEX = /^[a-zA-Z0-9\-_]+?\.[a-zA-Z0-9\-_]+?\.([a-zA-Z0-9\-_]+)?$/;
    function isObject(thing) {
      return Object.prototype.toString.call(thing) === "[object Object]";
    }
    function safeJsonParse(thing) {
      if (isObject(thing))
        return thing;
      try {
        return JSON.parse(thing);
      } catch (e) {
        return void 0;
      }
    }
    function headerFromJWS(jwsSig) {
      var encodedHeader = jwsSig.split(".", 1)[0];
      return safeJsonParse(Buffer2.from(encodedHeader, "base64").toString("binary"));
    }
    function securedInputFromJWS(jwsSig) {
      return jwsSig.split(".", 2).join(".");
    }
    function signatureFromJWS(jwsSig) {
      return jwsSig.split(".")[2];
    }
    function payloadFromJWS(jwsSig, encoding) {
      encoding = encoding || "utf8";
      var payload = jwsSig.split(".")[1];
      return Buffer2.from(payload, "base64").toString(encoding);
    }
    function isValidJws(string) {
      return JWS_REGEX.test(string) && !!headerFromJWS(string);
    }
    function jwsVerify(jwsSig, algorithm, secretOrKey) {
      if (!algorithm) {
        var err = new Error("Missing algorithm parameter for jws.verify");
        err.code = "MISSING_ALGORITHM";
        throw err;
      }
      jwsSig = toString(jwsSig);
      var signature = signatureFromJWS(jwsSig);
      var securedInput = securedInputFromJWS(jwsSig);
      var algo = jwa(algorithm);
      return algo.verify(securedInput, signature, secretOrKey);
    }
    function jwsDecode(jwsSig, opts) {
      opts = opts || {};
      jwsSig = toString(jwsSig);
      if (!isValidJws(jwsSig))
        return null;
      var header = headerFromJWS(jwsSig);
      if (!header)
        return null;
      var payload = payloadFromJWS(jwsSig);
      if (header.typ === "JWT" || opts.json)
        payload = JSON.parse(payload, opts.encoding);
      return {
        header,
        payload,
        signature: signatureFromJWS(jwsSig)
      };
    }
    function VerifyStream(opts) {
      opts = opts || {};
      var secretOrKey = opts.secret || opts.publicKey || opts.key;
      var secretStream = new DataStream(secretOrKey);
      this.readable = true;
      this.algorithm = opts.algorithm;
      this.encoding = opts.encoding;
      this.secret = this.publicKey = this.key = secretStream;
      this.signature = new DataStream(opts.signature);
      this.secret.once("close", function() {
        if (!this.signature.writable && this.readable)
          this.verify();
      }.bind(this));
      this.signature.once("close", function() {
        if (!this.secret.writable && this.readable)
          this.verify();
      }.bind(this));
    }
    util.inherits(VerifyStream, Stream);
    VerifyStream.prototype.verify = function verify() {
      try {
        var valid = jwsVerify(this.signature.buffer, this.algorithm, this.key.buffer);
        var obj = jwsDecode(this.signature.buffer, this.encoding);
        this.emit("done", valid, obj);
        this.emit("data", valid);
        this.emit("end");
        this.readable = false;
        return valid;
      } catch (e) {
        this.readable = false;
        this.emit("error", e);
        this.emit("close");
      }
    };
    VerifyStream.decode = jwsDecode;
    VerifyStream.isValid = isValidJws;
    VerifyStream.verify = jwsVerify;
    module.exports = VerifyStream;
  }
});

// node_modules/jws/index.js
var require_jws2 = __commonJS({
  "node_modules/jws/index.js"(exports) {
    var SignStream = require_sign_stream2();
    var VerifyStream = require_verify_stream2();
    var ALGORITHMS = [
      "HS256",
      "HS384",
      "HS512",
      "RS256",
      "RS384",
      "RS512",
      "PS256",
      "PS384",
      "PS512",
      "ES256",
      "ES384",
      "ES512"
    ];
    exports.ALGORITHMS = ALGORITHMS;
    exports.sign = SignStream.sign;
    exports.verify = VerifyStream.verify;
    exports.decode = VerifyStream.decode;
    exports.isValid = VerifyStream.isValid;
    exports.createSign = function createSign(opts) {
      return new SignStream(opts);
    };
    exports.createVerify = function createVerify(opts) {
      return new VerifyStream(opts);
    };
  }
});

// node_modules/@mojaloop/sdk-standard-components/src/lib/jws/jwsSigner.js
var require_jwsSigner = __commonJS({
  "node_modules/@mojaloop/sdk-standard-components/src/lib/jws/jwsSigner.js"(exports, module) {
    "use strict";
    var jws = require_jws2();
    var safeStringify = require_fast_safe_stringify();
    var SIGNATURE_ALGORITHM = "RS256";
    var uriRegex = /(?:^.*)(\/(participants|parties|quotes|bulkQuotes|transfers|bulkTransfers|transactionRequests|thirdpartyRequests|authorizations|consents|consentRequests|)(\/.*)*)$/;
    var JwsSigner = class {
      constructor(config) {
        this.logger = config.logger || console;
        if (!config.signingKey) {
          throw new Error("Signing key must be supplied as config argument");
        }
        this.signingKey = config.signingKey;
      }
      /**
       * Adds JWS headers to an outgoing HTTP request options object
       *
       * @param requestOptions {object} a request-promise-native/axios style request options object
       *   (see https://github.com/request/request-promise-native)
       *   (see https://github.com/axios/axios)
       */
      sign(requestOptions) {
        this.logger.isDebugEnabled() && this.logger.debug(`JWS Signing request: ${safeStringify(requestOptions)}`);
        const payload = requestOptions.body || requestOptions.data;
        const uri = requestOptions.uri || requestOptions.url;
        if (!payload) {
          throw new Error("Cannot sign with no body");
        }
        const uriMatches = uriRegex.exec(uri);
        if (!uriMatches || uriMatches.length < 2) {
          throw new Error(`URI not valid for protected header: ${uri}`);
        }
        requestOptions.headers["fspiop-http-method"] = requestOptions.method.toUpperCase();
        requestOptions.headers["fspiop-uri"] = uriMatches[1];
        requestOptions.headers["fspiop-signature"] = this.getSignature(requestOptions);
        if (requestOptions.body && typeof requestOptions.body !== "string") {
          requestOptions.body = JSON.stringify(requestOptions.body);
        }
        if (requestOptions.data && typeof requestOptions.data !== "string") {
          requestOptions.data = JSON.stringify(requestOptions.data);
        }
      }
      /**
       * Returns JWS signature for an outgoing HTTP request options object
       *
       * @param requestOptions {object} a request-promise-native/axios style request options object
       *   (see https://github.com/request/request-promise-native)
       *   (see https://github.com/axios/axios)
       *
       * @returns {string} - JWS Signature as a string
      */
      getSignature(requestOptions) {
        this.logger.isDebugEnabled() && this.logger.debug(`Get JWS Signature: ${safeStringify(requestOptions)}`);
        const payload = requestOptions.body || requestOptions.data;
        const uri = requestOptions.uri || requestOptions.url;
        if (!payload) {
          throw new Error("Cannot sign with no body");
        }
        const uriMatches = uriRegex.exec(uri);
        if (!uriMatches || uriMatches.length < 2) {
          throw new Error(`URI not valid for protected header: ${uri}`);
        }
        const protectedHeaderObject = {
          alg: SIGNATURE_ALGORITHM,
          "FSPIOP-URI": requestOptions.headers["fspiop-uri"],
          "FSPIOP-HTTP-Method": requestOptions.method.toUpperCase(),
          "FSPIOP-Source": requestOptions.headers["fspiop-source"]
        };
        if (requestOptions.headers["fspiop-destination"]) {
          protectedHeaderObject["FSPIOP-Destination"] = requestOptions.headers["fspiop-destination"];
        }
        if (requestOptions.headers["date"]) {
          protectedHeaderObject["Date"] = requestOptions.headers["date"];
        }
        const token = jws.sign({
          header: protectedHeaderObject,
          payload,
          secret: this.signingKey,
          encoding: "utf8"
        });
        const [protectedHeaderBase64, , signature] = token.split(".");
        const signatureObject = {
          signature: signature.replace('"', ""),
          protectedHeader: protectedHeaderBase64.replace('"', "")
        };
        return JSON.stringify(signatureObject);
      }
    };
    module.exports = JwsSigner;
  }
});

// node_modules/@mojaloop/sdk-standard-components/src/lib/jws/index.js
var require_jws3 = __commonJS({
  "node_modules/@mojaloop/sdk-standard-components/src/lib/jws/index.js"(exports, module) {
    "use strict";
    var validator = require_jwsValidator();
    var signer = require_jwsSigner();
    module.exports = {
      validator,
      signer
    };
  }
});

// node_modules/@mojaloop/sdk-standard-components/src/lib/logger/index.js
var require_logger = __commonJS({
  "node_modules/@mojaloop/sdk-standard-components/src/lib/logger/index.js"(exports, module) {
    var util = __require("util");
    var safeStringify = require_fast_safe_stringify();
    var replaceOutput = (_, value) => {
      if (value instanceof Error) {
        if (value.stack && typeof value.stack === "string") {
          value.stack = value.stack.split("\n").map((line) => line.trim());
        }
        return Object.getOwnPropertyNames(value).reduce((acc, objectKey) => ({ ...acc, [objectKey]: value[objectKey] }), {});
      }
      if (value instanceof RegExp) {
        return value.toString();
      }
      if (value instanceof Function) {
        return `[Function: ${value.name || "anonymous"}]`;
      }
      return value;
    };
    var buildStringify = ({
      space = 2,
      printTimestamp = true,
      timestampFmt = ((ts) => ts.toISOString()),
      stringify = safeStringify
    } = {}) => {
      return ({ ctx, msg, level = void 0 }) => {
        const ts = printTimestamp ? timestampFmt(/* @__PURE__ */ new Date()) : void 0;
        return stringify({ ts, level, msg, ctx }, replaceOutput, space);
      };
    };
    var contextSym = /* @__PURE__ */ Symbol("Logger context symbol");
    var Logger = class _Logger {
      // context
      //   Object
      //   Context data to preload in the logger. Example: { path: '/users', method: 'GET' }
      //   This logger and all loggers derived from it (with the push method) will print this context
      //   If any reserved keys exist in the new object, an error will be thrown.
      // stringify
      //   Function
      //   Supply a function to perform stringifying.
      //   Function signature: f(dataToStringify).
      // opts.copy
      //   The function to copy the context object to a new instance of this logger. Allows deep
      //   copy, use of immutable libs etc.
      //   Function signature: f(orig) => copy.
      //   Default: identity function.
      // opts.allowContextOverwrite
      //   Allow context keys to be overwritten in copied Logger objects
      // opts.levels
      //   Alias methods to support log levels. Will call the `.log` method with top-level key
      //   "level" equal to the value supplied below. E.g. providing the argument ['verbose'] to the
      //   opts.levels parameter results in a method `.verbose` on the logger that logs thus:
      //   { msg, ctx, level: 'verbose' }
      constructor({
        context = {},
        stringify = buildStringify(),
        opts: {
          allowContextOverwrite = false,
          copy = (o) => o,
          levels = ["verbose", "debug", "warn", "error", "trace", "info", "fatal"]
        } = {}
      } = {}) {
        this[contextSym] = context;
        this.configure({
          stringify,
          opts: {
            allowContextOverwrite,
            copy,
            levels
          }
        });
      }
      // Update logger configuration.
      // opts
      //   Object. May contain any of .stringify, .opts.
      //   See constructor comment for details
      configure({
        stringify = this.stringify,
        opts = this.opts
      }) {
        this.stringify = stringify;
        this.opts = { ...this.opts, ...opts };
        this.opts.levels.forEach((level) => {
          this[level] = (...args) => {
            this._log(level, ...args);
          };
          this[`is${level[0].toUpperCase()}${level.slice(1).toLowerCase()}Enabled`] = () => {
            return true;
          };
        });
      }
      // Create a new logger with the same context as the current logger, and additionally any
      // supplied context.
      // context
      //   An object to log. Example: { path: '/users', method: 'GET' }
      //   If allowContextOverride is false and a key in this object already exists in this logger,
      //   an error will be thrown.
      push(context) {
        if (!context) {
          return this;
        }
        if (typeof context !== "object") {
          throw new Error("Context must be a POJO. Instead of .push(x) use .push({ x })");
        }
        const arrayIntersection = (a1, a2) => a1.filter((v) => a2.includes(v));
        const objKeysIntersection = (o1, o2) => arrayIntersection(Object.keys(o1), Object.keys(o2));
        if (!this.allowContextOverwrite && objKeysIntersection(context, this[contextSym]).length > 0) {
          throw new Error("Key already exists in logger");
        }
        return new _Logger({
          context: {
            ...this.opts.copy(this[contextSym]),
            ...context
          },
          stringify: this.stringify,
          opts: this.opts
        });
      }
      // Log to stdout.
      // args
      //   Any type is acceptable. All arguments will be passed to util.format, then printed as the
      //   'msg' property of the logged item.
      log(...args) {
        this._log(void 0, ...args);
      }
      _log(level, ...args) {
        const msg = args.length > 0 ? util.format(...args) : void 0;
        const output = this.stringify({ ctx: this[contextSym], msg, level });
        this._write(output);
      }
      // Separate method to enable testing
      _write(msg) {
        if (msg != "") {
          process.stdout.write(msg + "\n");
        }
      }
      // Define empty methods for all standard log levels
      // if the user provides their own custom levels that are not standard levels
      // so that the logger does not throw an error.
      // An easy way to do level silencing.
      verbose() {
      }
      isVerboseEnabled() {
        return false;
      }
      debug() {
      }
      isDebugEnabled() {
        return false;
      }
      warn() {
      }
      isWarnEnabled() {
        return false;
      }
      error() {
      }
      isErrorEnabled() {
        return false;
      }
      trace() {
      }
      isTraceEnabled() {
        return false;
      }
      info() {
      }
      isInfoEnabled() {
        return false;
      }
      fatal() {
      }
      isFatalEnabled() {
        return false;
      }
    };
    module.exports = {
      Logger,
      buildStringify
    };
  }
});

// node_modules/@mojaloop/sdk-standard-components/src/lib/requests/common.js
var require_common = __commonJS({
  "node_modules/@mojaloop/sdk-standard-components/src/lib/requests/common.js"(exports, module) {
    "use strict";
    var respErrSym = /* @__PURE__ */ Symbol("ResponseErrorDataSym");
    var safeStringify = require_fast_safe_stringify();
    var HTTPResponseError = class extends Error {
      constructor(params) {
        super(params.msg);
        this[respErrSym] = params;
      }
      getData() {
        return this[respErrSym];
      }
      toString() {
        return safeStringify(this[respErrSym]);
      }
      toJSON() {
        return JSON.stringify(this[respErrSym]);
      }
    };
    var buildUrl = (...args) => {
      return args.filter((e) => e !== void 0).map((s) => s.replace(/(^\/*|\/*$)/g, "")).join("/") + (args[args.length - 1].slice(-1) === "/" ? "/" : "");
    };
    var throwOrJson = async (res) => {
      if (res.statusCode < 200 || res.statusCode >= 300) {
        throw new HTTPResponseError({
          msg: `Request returned non-success status code ${res.statusCode}`,
          res
        });
      }
      if (res.headers["content-length"] && res.headers["content-length"] !== "0" || res.body && res.body.length > 0) {
        throw new HTTPResponseError({
          msg: `Expected empty response body but got content: ${res.body}`,
          res
        });
      }
      if (typeof res.originalRequest !== "undefined") {
        return {
          originalRequest: res.originalRequest
        };
      }
      return;
    };
    var bodyStringifier = (obj) => {
      if (typeof obj === "string" || Buffer.isBuffer(obj))
        return obj;
      if (typeof obj === "number")
        return obj.toString();
      return JSON.stringify(obj);
    };
    var ResponseType = Object.freeze({
      Mojaloop: /* @__PURE__ */ Symbol("mojaloop"),
      Simple: /* @__PURE__ */ Symbol("simple"),
      Stream: /* @__PURE__ */ Symbol("stream")
    });
    var formatEndpointOrDefault = (endpoint, transportScheme, defaultEndpoint) => {
      if (!endpoint || !transportScheme) {
        if (!defaultEndpoint) {
          throw new Error("defaultEndpoint must be set when endpoint or transportScheme are null or undefined");
        }
        return defaultEndpoint;
      }
      return `${transportScheme}://${endpoint}`;
    };
    module.exports = {
      bodyStringifier,
      buildUrl,
      formatEndpointOrDefault,
      HTTPResponseError,
      ResponseType,
      throwOrJson
    };
  }
});

// node_modules/@mojaloop/sdk-standard-components/src/lib/request.js
var require_request = __commonJS({
  "node_modules/@mojaloop/sdk-standard-components/src/lib/request.js"(exports, module) {
    var http3 = __require("http");
    var https3 = __require("https");
    var querystring = __require("querystring");
    var { URL: URL2 } = __require("url");
    var ResponseType = Object.freeze({
      ArrayBuffer: /* @__PURE__ */ Symbol("arraybuffer"),
      JSON: /* @__PURE__ */ Symbol("json"),
      Text: /* @__PURE__ */ Symbol("text"),
      Stream: /* @__PURE__ */ Symbol("stream")
    });
    var request = async ({
      uri,
      qs = null,
      responseType = ResponseType.JSON,
      body = null,
      method,
      headers,
      agent
    }) => {
      const qsEnc = querystring.encode(qs);
      const completeUrl = new URL2(uri + (qsEnc.length ? `?${qsEnc}` : ""));
      const reqOpts = {
        method,
        host: completeUrl.hostname,
        port: completeUrl.port,
        path: completeUrl.pathname + completeUrl.search + completeUrl.hash,
        headers,
        agent
      };
      if (body) {
        reqOpts.headers["content-length"] = Buffer.byteLength(body);
      }
      const adapter = completeUrl.protocol === "https:" ? https3 : http3;
      return new Promise((resolve, reject) => {
        const originalRequest = {
          ...reqOpts,
          agent: "[REDACTED]",
          body
        };
        const req = adapter.request(reqOpts, (res) => {
          if (responseType === ResponseType.Stream) {
            return resolve({
              statusCode: res.statusCode,
              headers: res.headers,
              data: res,
              originalRequest
            });
          }
          const data = [];
          res.on("data", (chunk) => data.push(chunk));
          res.on("end", () => {
            let result = Buffer.concat(data);
            if (responseType === ResponseType.Text || !result.length) {
              result = result.toString();
            } else if (responseType === ResponseType.JSON) {
              const contentType = res.headers["content-type"];
              if (!/^application\/json/.test(contentType)) {
                let err = new Error(`Invalid content-type. Expected application/json but received ${contentType}: ${result.toString()}`);
                err.originalRequest = originalRequest;
                return reject(err);
              }
              result = JSON.parse(result);
            }
            resolve({
              statusCode: res.statusCode,
              headers: res.headers,
              data: result,
              originalRequest
            });
          });
        });
        req.on("error", (err) => {
          err.originalRequest = originalRequest;
          reject(err);
        });
        if (body) {
          req.write(body);
        }
        req.end();
      });
    };
    request.responseType = ResponseType;
    module.exports = request;
  }
});

// node_modules/@mojaloop/sdk-standard-components/src/lib/requests/baseRequests.js
var require_baseRequests = __commonJS({
  "node_modules/@mojaloop/sdk-standard-components/src/lib/requests/baseRequests.js"(exports, module) {
    "use strict";
    var safeStringify = require_fast_safe_stringify();
    var http3 = __require("http");
    var https3 = __require("https");
    var {
      bodyStringifier,
      buildUrl,
      formatEndpointOrDefault,
      ResponseType,
      throwOrJson
    } = require_common();
    var request = require_request();
    var JwsSigner = require_jws3().signer;
    var BaseRequests = class {
      /**
       * @function constructor
       * @param {Object} config - The Config Object
       * @param {Object} config.logger Logging function
       * @param {Object} config.tls The tls config object
       * @param {string} config.dfspId The `FSPID` of _this_ DFSP/Participant
       * @param {boolean} config.jwsSign If `true`, then requests will be JWS signed
       * @param {boolean | undefined} config.jwsSignPutParties Optional. If undefined,
       *    it will default to the value of `config.jwsSign`
       * @param {string | undefined} config.jwsSigningKey Optional. The jwsSigningKey
       *   to use. Required if `jwsSign === true`
       * @param {Object | undefined} config.wso2 Optional. The wso2Auth object and
       *   number indicating how many times to retry a request that fails authorization.
       *   Example: { auth, retryWso2AuthFailureTimes: 1 }
       */
      constructor(config) {
        this.logger = config.logger;
        this.dfspId = config.dfspId;
        if (config.tls.enabled) {
          this.agent = new https3.Agent({
            ...config.tls.creds,
            keepAlive: true
          });
          this.transportScheme = "https";
        } else {
          this.agent = http3.globalAgent;
          this.transportScheme = "http";
        }
        this.jwsSign = config.jwsSign;
        if (typeof config.jwsSignPutParties === "undefined") {
          this.jwsSignPutParties = config.jwsSign;
        } else {
          this.jwsSignPutParties = config.jwsSignPutParties;
        }
        if (this.jwsSign) {
          this.jwsSigner = new JwsSigner({
            logger: config.logger,
            signingKey: config.jwsSigningKey
          });
        }
        this.resourceVersions = {
          parties: {
            contentVersion: "1.0",
            acceptVersion: "1"
          },
          participants: {
            contentVersion: "1.0",
            acceptVersion: "1"
          },
          quotes: {
            contentVersion: "1.0",
            acceptVersion: "1"
          },
          bulkQuotes: {
            contentVersion: "1.0",
            acceptVersion: "1"
          },
          bulkTransfers: {
            contentVersion: "1.0",
            acceptVersion: "1"
          },
          transactionRequests: {
            contentVersion: "1.0",
            acceptVersion: "1"
          },
          authorizations: {
            contentVersion: "1.0",
            acceptVersion: "1"
          },
          transfers: {
            contentVersion: "1.0",
            acceptVersion: "1"
          },
          custom: {
            contentVersion: "1.0",
            acceptVersion: "1"
          },
          thirdparty: {
            contentVersion: "1.0",
            acceptVersion: "1"
          },
          services: {
            contentVersion: "1.0",
            acceptVersion: "1"
          },
          ...config.resourceVersions
        };
        this.peerEndpoint = `${this.transportScheme}://${config.peerEndpoint}`;
        this.resourceEndpoints = {
          parties: formatEndpointOrDefault(config.alsEndpoint, this.transportScheme, this.peerEndpoint),
          participants: formatEndpointOrDefault(config.alsEndpoint, this.transportScheme, this.peerEndpoint),
          quotes: formatEndpointOrDefault(config.quotesEndpoint, this.transportScheme, this.peerEndpoint),
          bulkQuotes: formatEndpointOrDefault(config.bulkQuotesEndpoint, this.transportScheme, this.peerEndpoint),
          transfers: formatEndpointOrDefault(config.transfersEndpoint, this.transportScheme, this.peerEndpoint),
          bulkTransfers: formatEndpointOrDefault(config.bulkTransfersEndpoint, this.transportScheme, this.peerEndpoint),
          transactionRequests: formatEndpointOrDefault(config.transactionRequestsEndpoint, this.transportScheme, this.peerEndpoint),
          authorizations: formatEndpointOrDefault(config.transactionRequestsEndpoint, this.transportScheme, this.peerEndpoint),
          thirdparty: formatEndpointOrDefault(config.thirdpartyRequestsEndpoint, this.transportScheme, this.peerEndpoint),
          services: formatEndpointOrDefault(config.servicesEndpoint, this.transportScheme, this.peerEndpoint)
        };
        this.wso2 = config.wso2 || {};
      }
      _request(opts, responseType) {
        const __request = async (opts2, responseType2, attempts) => request(opts2).then((res) => {
          const retry = res.statusCode === 401 && this.wso2.auth && attempts < this.wso2.retryWso2AuthFailureTimes;
          if (retry) {
            this.logger.isDebugEnabled() && this.logger.debug("Received HTTP 401 for request. Attempting to retrieve a new token.");
            const token = this.wso2.auth.refreshToken();
            if (token) {
              opts2.headers["Authorization"] = `Bearer ${token}`;
            } else {
              const msg = "Unable to retrieve WSO2 auth token";
              this.logger.isDebugEnabled() && this.logger.push({ attempts, opts: opts2, res }).debug(msg);
              throw new Error(msg);
            }
            this.logger.isDebugEnabled() && this.logger.push({ attempts, opts: opts2 }).debug("Retrying request with new WSO2 token.");
            return __request(opts2, responseType2, attempts + 1);
          }
          return res;
        });
        return __request(opts, responseType, 0).then((res) => responseType === ResponseType.Mojaloop ? throwOrJson(res) : res).catch((err) => {
          const tryParse = (body) => {
            try {
              return JSON.parse(body);
            } catch {
              return void 0;
            }
          };
          this.logger.isDebugEnabled() && this.logger.push({ opts: { ...opts, agent: "[REDACTED]" }, err, body: tryParse(opts.body) }).debug("Error attempting request");
          throw err;
        });
      }
      /**
       * @function _get
       * @description
       *  Perform a HTTP GET request.
       *
       *  **Note**: `config.jwsSign` is ignored here, as we don't JWS sign requests with no body
       * @param {string} url - The url of the resource
       * @param {string} resourceType - The 'type' of resource. Used to resolve the endpoint for the request
       * @param {string | undefined} dest - The destination participant. Leave empty if participant is unknown (e.g. `GET /parties`)
       * @param {*} headers - Optional additional headers
       * @param {*} query - Optional query parameters
       * @param {*} responseType - Optional, defaults to `Mojaloop`
       */
      async _get(url, resourceType, dest, headers = {}, query = {}, responseType = ResponseType.Mojaloop) {
        const reqOpts = {
          method: "GET",
          uri: buildUrl(this._pickPeerEndpoint(resourceType), url),
          headers: {
            ...this._buildHeaders("GET", resourceType, dest),
            ...headers
          },
          qs: query,
          agent: this.agent
        };
        if (responseType === ResponseType.Stream) {
          reqOpts.responseType = request.responseType.Stream;
        }
        this.logger.isDebugEnabled() && this.logger.debug(`Executing HTTP GET: ${safeStringify({ reqOpts: { ...reqOpts, agent: "[REDACTED]" } })}`);
        return this._request(reqOpts, responseType);
      }
      /**
       * @function _put
       * @description
       *  Perform a HTTP PUT request.
       *
       * @param {string} url - The url of the resource
       * @param {string} resourceType - The 'type' of resource, as defined in the Mojaloop specification
       * @param {string | undefined} dest - The destination participant. Leave empty if participant is unknown (e.g. `GET /parties`)
       * @param {Object} headers - Optional additional headers
       * @param {*} query - Optional query parameters
       * @param {*} responseType - Optional, defaults to `Mojaloop`
       */
      async _put(url, resourceType, body, dest, headers = {}, query = {}, responseType = ResponseType.Mojaloop) {
        const reqOpts = {
          method: "PUT",
          uri: buildUrl(this._pickPeerEndpoint(resourceType), url),
          headers: {
            ...this._buildHeaders("PUT", resourceType, dest),
            ...headers
          },
          body,
          qs: query,
          agent: this.agent
        };
        if (responseType === ResponseType.Stream) {
          reqOpts.responseType = request.responseType.Stream;
        }
        if (responseType === ResponseType.Mojaloop && this.jwsSign && (resourceType === "parties" ? this.jwsSignPutParties : true)) {
          this.jwsSigner.sign(reqOpts);
        }
        reqOpts.body = bodyStringifier(reqOpts.body);
        this.logger.isDebugEnabled() && this.logger.debug(`Executing HTTP PUT: ${safeStringify({ reqOpts: { ...reqOpts, agent: "[REDACTED]" } })}`);
        return this._request(reqOpts, responseType);
      }
      /**
       * @function _patch
       * @description
       *  Perform a HTTP PATCH request.
       *
       * @param {string} url - The url of the resource
       * @param {string} resourceType - The 'type' of resource, as defined in the Mojaloop specification
       * @param {string | undefined} dest - The destination participant. Leave empty if participant is unknown (e.g. `GET /parties`)
       * @param {Object} headers - Optional additional headers
       * @param {*} query - Optional query parameters
       * @param {*} responseType - Optional, defaults to `Mojaloop`
       */
      async _patch(url, resourceType, body, dest, headers = {}, query = {}, responseType = ResponseType.Mojaloop) {
        const reqOpts = {
          method: "PATCH",
          uri: buildUrl(this._pickPeerEndpoint(resourceType), url),
          headers: {
            ...this._buildHeaders("PATCH", resourceType, dest),
            ...headers
          },
          body,
          qs: query,
          agent: this.agent
        };
        if (responseType === ResponseType.Mojaloop && this.jwsSign) {
          this.jwsSigner.sign(reqOpts);
        }
        reqOpts.body = bodyStringifier(reqOpts.body);
        this.logger.isDebugEnabled() && this.logger.debug(`Executing HTTP PATCH: ${safeStringify({ reqOpts: { ...reqOpts, agent: "[REDACTED]" } })}`);
        return this._request(reqOpts, responseType);
      }
      /**
       * @function _post
       * @description
       *  Perform a HTTP POST request.
       *
       * @param {string} url - The url of the resource
       * @param {string} resourceType - The 'type' of resource, as defined in the Mojaloop specification
       * @param {object} body - The 'body' of the POST request
       * @param {string | undefined} dest - The destination participant. Leave empty if participant is unknown (e.g. `GET /parties`)
       * @param {*} headers - Optional additional headers
       * @param {*} query - Optional query parameters
       * @param {*} responseType - Optional, defaults to `Mojaloop`
       */
      async _post(url, resourceType, body, dest, headers = {}, query = {}, responseType = ResponseType.Mojaloop) {
        const reqOpts = {
          method: "POST",
          uri: buildUrl(this._pickPeerEndpoint(resourceType), url),
          headers: {
            ...this._buildHeaders("POST", resourceType, dest),
            ...headers
          },
          body,
          qs: query,
          agent: this.agent
        };
        if (responseType === ResponseType.Stream) {
          reqOpts.responseType = request.responseType.Stream;
        }
        if (responseType === ResponseType.Mojaloop && this.jwsSign) {
          this.jwsSigner.sign(reqOpts);
        }
        reqOpts.body = bodyStringifier(reqOpts.body);
        this.logger.isDebugEnabled() && this.logger.debug(`Executing HTTP POST: ${safeStringify({ reqOpts: { ...reqOpts, agent: "[REDACTED]" } })}`);
        return this._request(reqOpts, responseType);
      }
      /**
       * @function _buildHeaders
       * @description
       *   Utility function for building outgoing request headers as required by the mojaloop api spec
       * @param {'GET' | 'POST' | 'PUT'} method The HTTP Method
       * @param {string} resourceType - The 'type' of resource, as defined in the Mojaloop specification
       * @param {string | undefined} dest - The destination participant. Leave empty if participant is unknown (e.g. `GET /parties`)
       *
       * @returns {*} headers object for use in requests to mojaloop api endpoints
       */
      _buildHeaders(method, resourceType, dest) {
        let headers = {
          "content-type": `application/vnd.interoperability.${resourceType}+json;version=${this.resourceVersions[resourceType].contentVersion}`,
          "date": (/* @__PURE__ */ new Date()).toUTCString()
        };
        if (this.dfspId) {
          headers["fspiop-source"] = this.dfspId;
        }
        if (dest) {
          headers["fspiop-destination"] = dest;
        }
        if (this.wso2.auth) {
          const token = this.wso2.auth.getToken();
          if (token) {
            headers["Authorization"] = `Bearer ${token}`;
          }
        }
        if (method.toUpperCase() !== "PUT") {
          headers["accept"] = `application/vnd.interoperability.${resourceType}+json;version=${this.resourceVersions[resourceType].acceptVersion}`;
        }
        return headers;
      }
      /**
       * @function _pickPeerEndpoint
       * @description Utility function for picking up the right endpoint based on the resourceType
       * @param {string} resourceType - The 'type' of resource, as defined in the Mojaloop specification
       * @returns {string} The endpoint fot the given `resourceType`. If an endpoint can't be found, defaults to the peerEndpoint
       */
      _pickPeerEndpoint(resourceType) {
        return this.resourceEndpoints[resourceType] || this.peerEndpoint;
      }
    };
    module.exports = BaseRequests;
  }
});

// node_modules/@mojaloop/sdk-standard-components/src/lib/requests/mojaloopRequests.js
var require_mojaloopRequests = __commonJS({
  "node_modules/@mojaloop/sdk-standard-components/src/lib/requests/mojaloopRequests.js"(exports, module) {
    "use strict";
    var BaseRequests = require_baseRequests();
    var { ResponseType } = require_common();
    var MojaloopRequests = class extends BaseRequests {
      constructor(config) {
        super(config);
        this._config = config;
      }
      /**
       * Executes a GET /parties request for the specified identifier type and identifier
       *
       * @returns {object} - JSON response body if one was received
       */
      async getParties(idType, idValue, idSubValue, destFspId, headers) {
        const url = `parties/${idType}/${idValue}` + (idSubValue ? `/${idSubValue}` : "");
        return this._get(url, "parties", destFspId, headers);
      }
      /**
       * Executes a PUT /parties request for the specified identifier type and indentifier
       */
      async putParties(idType, idValue, idSubValue, body, destFspId, headers) {
        const url = `parties/${idType}/${idValue}` + (idSubValue ? `/${idSubValue}` : "");
        return this._put(url, "parties", body, destFspId, headers);
      }
      /**
       * Executes a PUT /parties/{IdType}/{IdValue}/error request for the specified identifier type and indentifier
       */
      async putPartiesError(idType, idValue, idSubValue, error, destFspId) {
        const url = `parties/${idType}/${idValue}` + (idSubValue ? `/${idSubValue}` : "") + "/error";
        return this._put(url, "parties", error, destFspId);
      }
      /**
       * Executes a POST /participants request
       *
       * @returns {object} - JSON response body if one was received
       */
      async postParticipants(request, destFspId) {
        return this._post("participants", "participants", request, destFspId);
      }
      /**
       * Executes a PUT /participants request for the specified identifier type and indentifier
       */
      async putParticipants(idType, idValue, idSubValue, body, destFspId) {
        const url = `participants/${idType}/${idValue}` + (idSubValue ? `/${idSubValue}` : "");
        return this._put(url, "participants", body, destFspId);
      }
      /**
       * Executes a PUT /participants/{idType}/{idValue}/error request for the specified identifier type and indentifier
       */
      async putParticipantsError(idType, idValue, idSubValue, error, destFspId) {
        const url = `participants/${idType}/${idValue}` + (idSubValue ? `/${idSubValue}` : "") + "/error";
        return this._put(url, "participants", error, destFspId);
      }
      /**
       * Executes a POST /quotes request for the specified quote request
       *
       * @returns {object} - JSON response body if one was received
       */
      async postQuotes(quoteRequest, destFspId) {
        return this._post("quotes", "quotes", quoteRequest, destFspId);
      }
      /**
       * Executes a PUT /quotes/{ID} request for the specified quote
       */
      async putQuotes(quoteId, quoteResponse, destFspId, headers) {
        return this._put(`quotes/${quoteId}`, "quotes", quoteResponse, destFspId, headers);
      }
      /**
       * Executes a PUT /quotes/{ID} request for the specified quote
       */
      async putQuotesError(quoteId, error, destFspId) {
        return this._put(`quotes/${quoteId}/error`, "quotes", error, destFspId);
      }
      /**
       * Executes a POST /bulkQuotes request
       */
      async postBulkQuotes(bulkQuoteRequest, destFspId) {
        return this._post("bulkQuotes", "bulkQuotes", bulkQuoteRequest, destFspId);
      }
      /**
      * Executes a PUT /bulkQuotes/{ID} request for the specified bulk quotes
      */
      async putBulkQuotes(bulkQuoteId, bulkQuoteResponse, destFspId) {
        return this._put(`bulkQuotes/${bulkQuoteId}`, "bulkQuotes", bulkQuoteResponse, destFspId);
      }
      /**
      * Executes a PUT /bulkQuotes/{ID} request for the specified bulk quotes
      */
      async putBulkQuotesError(bulkQuoteId, error, destFspId) {
        return this._put(`bulkQuotes/${bulkQuoteId}/error`, "bulkQuotes", error, destFspId);
      }
      /**
       * Executes a GET /bulkQuotes/{ID} request for the specified bulk quote ID
       *
       * @returns {object} - JSON response body if one was received
       */
      async getBulkQuotes(bulkQuoteId) {
        const url = `bulkQuotes/${bulkQuoteId}`;
        return this._get(url, "bulkQuotes");
      }
      /**
       * Executes a GET /transfers request for the specified transfer ID
       *
       * @returns {object} - JSON response body if one was received
       */
      async getTransfers(transferId) {
        const url = `transfers/${transferId}`;
        return this._get(url, "transfers");
      }
      /**
       * Executes a POST /transfers request for the specified transfer prepare
       *
       * @returns {object} - JSON response body if one was received
       */
      async postTransfers(prepare, destFspId) {
        return this._post("transfers", "transfers", prepare, destFspId);
      }
      /**
       * Executes a PUT /transfers/{ID} request for the specified transfer fulfilment
       *
       * @returns {object} - JSON response body if one was received
       */
      async putTransfers(transferId, fulfilment, destFspId, headers) {
        return this._put(`transfers/${transferId}`, "transfers", fulfilment, destFspId, headers);
      }
      /**
       * Executes a PATCH /transfers/{ID} request for the specified transfer update
       *
       * @returns {object} - JSON response body if one was received
       */
      async patchTransfers(transferId, body, destFspId) {
        return this._patch(`transfers/${transferId}`, "transfers", body, destFspId);
      }
      /**
       * Executes a PUT /transfers/{ID}/error request for the specified error
       *
       * @returns {object} - JSON response body if one was received
       */
      async putTransfersError(transferId, error, destFspId) {
        return this._put(`transfers/${transferId}/error`, "transfers", error, destFspId);
      }
      /**
       * Executes a GET /bulkTransfers/{ID} request for the specified bulk transfer ID
       *
       * @returns {object} - JSON response body if one was received
       */
      async getBulkTransfers(bulkTransferId) {
        const url = `bulkTransfers/${bulkTransferId}`;
        return this._get(url, "bulkTransfers");
      }
      /**
       * Executes a POST /bulkTransfers request for the specified bulk transfer prepare
       *
       * @returns {object} - JSON response body if one was received
       */
      async postBulkTransfers(prepare, destFspId) {
        return this._post("bulkTransfers", "bulkTransfers", prepare, destFspId);
      }
      /**
       * Executes a PUT /bulkTransfers/{ID} request for the specified bulk transfer fulfilment
       *
       * @returns {object} - JSON response body if one was received
       */
      async putBulkTransfers(bulkTransferId, fulfilment, destFspId) {
        return this._put(`bulkTransfers/${bulkTransferId}`, "bulkTransfers", fulfilment, destFspId);
      }
      /**
       * Executes a PUT /bulkTransfers/{ID}/error request for the specified error
       *
       * @returns {object} - JSON response body if one was received
       */
      async putBulkTransfersError(bulkTransferId, error, destFspId) {
        return this._put(`bulkTransfers/${bulkTransferId}/error`, "bulkTransfers", error, destFspId);
      }
      /**
       * Executes a POST /transactionRequests request for the specified transaction request
       *
       * @returns {object} - JSON response body if one was received
       */
      async postTransactionRequests(transactionRequest, destFspId) {
        return this._post("transactionRequests", "transactionRequests", transactionRequest, destFspId);
      }
      /**
       * Executes a PUT /transactionRequests/{ID} request for the specified transaction request
       *
       * @returns {object} - JSON response body if one was received
       */
      async putTransactionRequests(transactionRequestId, transactionRequestResponse, destFspId) {
        return this._put(`transactionRequests/${transactionRequestId}`, "transactionRequests", transactionRequestResponse, destFspId);
      }
      /**
       * Executes a PUT /transactionRequests/{ID}/error request for the specified error
       *
       * @returns {object} - JSON response body if one was received
       */
      async putTransactionRequestsError(transactionRequestId, error, destFspId) {
        return this._put(`transactionRequests/${transactionRequestId}/error`, "transactionRequests", error, destFspId);
      }
      /**
       * Executes a GET /authorizations request for the specified transactionRequestId
       *
       * @returns {object} - JSON response body if one was received
       */
      async getAuthorizations(transactionRequestId, authorizationParameters, destFspId) {
        const url = `authorizations/${transactionRequestId}?${authorizationParameters}`;
        return this._get(url, "authorizations", destFspId);
      }
      /**
       * Executes a POST /authorizations request for the specified authorization request
       *
       * @returns {object} - JSON response body if one was received
       */
      async postAuthorizations(authorizationRequest, destFspId) {
        return this._post("authorizations", "authorizations", authorizationRequest, destFspId);
      }
      /**
       * Executes a PUT /authorizations/{ID} request for the specified transactionRequestId
       *
       * @returns {object} - JSON response body if one was received
       */
      async putAuthorizations(transactionRequestId, authorizationResponse, destFspId) {
        return this._put(`authorizations/${transactionRequestId}`, "authorizations", authorizationResponse, destFspId);
      }
      /**
       * Executes a PUT /authorizations/{ID}/error request for the specified transactionRequestId
       *
       * @returns {object} - JSON response body if one was received
       */
      async putAuthorizationsError(transactionRequestId, error, destFspId) {
        return this._put(`authorizations/${transactionRequestId}/error`, "authorizations", error, destFspId);
      }
      async putCustom(url, body, headers, query, streamResponse = false) {
        return this._put(
          url,
          "custom",
          body,
          null,
          headers,
          query,
          streamResponse ? ResponseType.Stream : ResponseType.Simple
        );
      }
      async postCustom(url, body, headers, query, streamResponse = false) {
        return this._post(
          url,
          "custom",
          body,
          null,
          headers,
          query,
          streamResponse ? ResponseType.Stream : ResponseType.Simple
        );
      }
      async getCustom(url, headers, query, streamResponse = false) {
        return this._get(
          url,
          "custom",
          null,
          headers,
          query,
          streamResponse ? ResponseType.Stream : ResponseType.Simple
        );
      }
    };
    module.exports = MojaloopRequests;
  }
});

// node_modules/@mojaloop/sdk-standard-components/src/lib/requests/thirdpartyRequests.js
var require_thirdpartyRequests = __commonJS({
  "node_modules/@mojaloop/sdk-standard-components/src/lib/requests/thirdpartyRequests.js"(exports, module) {
    "use strict";
    var BaseRequests = require_baseRequests();
    var ThirdpartyRequests = class extends BaseRequests {
      async patchConsents(consentId, consentBody, destParticipantId) {
        const url = `consents/${consentId}`;
        return this._patch(url, "thirdparty", consentBody, destParticipantId);
      }
      async putConsents(consentId, consentBody, destParticipantId) {
        const url = `consents/${consentId}`;
        return this._put(url, "thirdparty", consentBody, destParticipantId);
      }
      async putConsentsError(consentId, consentBody, destParticipantId) {
        const url = `consents/${consentId}/error`;
        return this._put(url, "thirdparty", consentBody, destParticipantId);
      }
      async postConsents(consentBody, destParticipantId) {
        return this._post("consents", "thirdparty", consentBody, destParticipantId);
      }
      async patchConsentRequests(consentRequestId, consentRequestBody, destParticipantId) {
        const url = `consentRequests/${consentRequestId}`;
        return this._patch(url, "thirdparty", consentRequestBody, destParticipantId);
      }
      async putConsentRequests(consentRequestId, consentRequestBody, destParticipantId) {
        const url = `consentRequests/${consentRequestId}`;
        return this._put(url, "thirdparty", consentRequestBody, destParticipantId);
      }
      async postConsentRequests(consentRequestBody, destParticipantId) {
        return this._post("consentRequests", "thirdparty", consentRequestBody, destParticipantId);
      }
      async putConsentRequestsError(consentRequestId, consentRequestBody, destParticipantId) {
        const url = `consentRequests/${consentRequestId}/error`;
        return this._put(url, "thirdparty", consentRequestBody, destParticipantId);
      }
      async getThirdpartyRequestsTransactions(transactionRequestId, destParticipantId) {
        const url = `thirdpartyRequests/transactions/${transactionRequestId}`;
        return this._get(url, "thirdparty", destParticipantId);
      }
      async patchThirdpartyRequestsTransactions(thirdpartyRequestsTransactionsBody, transactionRequestId, destParticipantId) {
        const url = `thirdpartyRequests/transactions/${transactionRequestId}`;
        return this._patch(url, "thirdparty", thirdpartyRequestsTransactionsBody, destParticipantId);
      }
      async putThirdpartyRequestsTransactions(thirdpartyRequestsTransactionsBody, transactionRequestId, destParticipantId) {
        const url = `thirdpartyRequests/transactions/${transactionRequestId}`;
        return this._put(url, "thirdparty", thirdpartyRequestsTransactionsBody, destParticipantId);
      }
      async putThirdpartyRequestsTransactionsError(thirdpartyRequestsTransactionsBody, transactionRequestId, destParticipantId) {
        const url = `thirdpartyRequests/transactions/${transactionRequestId}/error`;
        return this._put(url, "thirdparty", thirdpartyRequestsTransactionsBody, destParticipantId);
      }
      async postThirdpartyRequestsTransactions(thirdpartyRequestsTransactionsBody, destParticipantId) {
        const url = "thirdpartyRequests/transactions";
        return this._post(url, "thirdparty", thirdpartyRequestsTransactionsBody, destParticipantId);
      }
      async postThirdpartyRequestsAuthorizations(body, destParticipantId) {
        const url = "thirdpartyRequests/authorizations";
        return this._post(url, "thirdparty", body, destParticipantId);
      }
      async putThirdpartyRequestsAuthorizations(body, authorizationRequestId, destParticipantId) {
        const url = `thirdpartyRequests/authorizations/${authorizationRequestId}`;
        return this._put(url, "thirdparty", body, destParticipantId);
      }
      async putThirdpartyRequestsAuthorizationsError(body, authorizationRequestId, destParticipantId) {
        const url = `thirdpartyRequests/authorizations/${authorizationRequestId}/error`;
        return this._put(url, "thirdparty", body, destParticipantId);
      }
      async postThirdpartyRequestsVerifications(thirdpartyRequestsVerificationsBody, destParticipantId) {
        const url = "thirdpartyRequests/verifications";
        return this._post(url, "thirdparty", thirdpartyRequestsVerificationsBody, destParticipantId);
      }
      async putThirdpartyRequestsVerifications(thirdpartyRequestsVerificationsBody, verificationRequestId, destParticipantId) {
        const url = `thirdpartyRequests/verifications/${verificationRequestId}`;
        return this._put(url, "thirdparty", thirdpartyRequestsVerificationsBody, destParticipantId);
      }
      async putThirdpartyRequestsVerificationsError(thirdpartyRequestsVerificationsBody, verificationRequestId, destParticipantId) {
        const url = `thirdpartyRequests/verifications/${verificationRequestId}/error`;
        return this._put(url, "thirdparty", thirdpartyRequestsVerificationsBody, destParticipantId);
      }
      async getAccounts(userId, destParticipantId) {
        const url = `accounts/${userId}`;
        return this._get(url, "thirdparty", destParticipantId);
      }
      async putAccounts(userId, accountsBody, destParticipantId) {
        const url = `accounts/${userId}`;
        return this._put(url, "thirdparty", accountsBody, destParticipantId);
      }
      async putAccountsError(userId, accountsBody, destParticipantId) {
        const url = `accounts/${userId}/error`;
        return this._put(url, "thirdparty", accountsBody, destParticipantId);
      }
      async getServices(serviceType) {
        const url = `services/${serviceType}`;
        return this._get(url, "services");
      }
      async putServices(serviceType, servicesBody, destParticipantId) {
        const url = `services/${serviceType}`;
        return this._put(url, "services", servicesBody, destParticipantId);
      }
      async putServicesError(serviceType, servicesBody, destParticipantId) {
        const url = `services/${serviceType}/error`;
        return this._put(url, "services", servicesBody, destParticipantId);
      }
    };
    module.exports = ThirdpartyRequests;
  }
});

// node_modules/@mojaloop/sdk-standard-components/src/lib/requests/index.js
var require_requests = __commonJS({
  "node_modules/@mojaloop/sdk-standard-components/src/lib/requests/index.js"(exports, module) {
    "use strict";
    var MojaloopRequests = require_mojaloopRequests();
    var ThirdpartyRequests = require_thirdpartyRequests();
    var common = require_common();
    module.exports = {
      common,
      MojaloopRequests,
      ThirdpartyRequests
    };
  }
});

// node_modules/@mojaloop/sdk-standard-components/src/lib/WSO2Auth/index.js
var require_WSO2Auth = __commonJS({
  "node_modules/@mojaloop/sdk-standard-components/src/lib/WSO2Auth/index.js"(exports, module) {
    "use strict";
    var http3 = __require("http");
    var https3 = __require("https");
    var qs = __require("querystring");
    var request = require_request();
    var EventEmitter = __require("events");
    var DEFAULT_REFRESH_INTERVAL_SECONDS = 3600;
    var DEFAULT_REFRESH_RETRY_INTERVAL_SECONDS = 10;
    var WSO2Auth = class extends EventEmitter {
      /**
       *
       * @param {Object} opts
       * @param {Object} opts.logger
       * @param {String} [opts.tlsCreds]
       * @param {String} opts.tlsCreds.ca
       * @param {String} opts.tlsCreds.cert
       * @param {String} opts.tlsCreds.key
       * @param {String} [opts.clientKey] Customer Key
       * @param {String} [opts.clientSecret] Customer Secret
       * @param {String} [opts.tokenEndpoint] WSO2 Endpoint URL
       * @param {String} [opts.refreshSeconds] WSO2 token refresh interval in seconds
       * @param {String} [opts.refreshRetrySeconds] WSO2 token refresh retry interval in seconds
       * @param {String} [opts.staticToken] WSO2 static bearer token
       */
      constructor(opts) {
        super({ captureExceptions: true });
        this._logger = opts.logger;
        this._refreshSeconds = opts.refreshSeconds || DEFAULT_REFRESH_INTERVAL_SECONDS;
        this._refreshRetrySeconds = opts.refreshRetrySeconds || DEFAULT_REFRESH_RETRY_INTERVAL_SECONDS;
        if (typeof this._refreshSeconds !== "number" || this._refreshSeconds <= 0) {
          throw new Error("WSO2 auth config: refreshSeconds must be a positive integer value");
        }
        if (typeof this._refreshRetrySeconds !== "number" || this._refreshRetrySeconds <= 0) {
          throw new Error("WSO2 auth config: refreshRetrySeconds must be a positive integer value");
        }
        if (!this._logger) {
          throw new Error("WSO2 auth config requires logger property");
        }
        this._reqOpts = {
          method: "POST",
          body: qs.stringify({
            grant_type: "client_credentials"
          })
        };
        if (opts.tlsCreds) {
          this._reqOpts.agent = new https3.Agent({ ...opts.tlsCreds, keepAlive: true });
        } else {
          this._reqOpts.agent = http3.globalAgent;
        }
        if (opts.tokenEndpoint && opts.clientKey && opts.clientSecret) {
          this._basicToken = Buffer.from(`${opts.clientKey}:${opts.clientSecret}`).toString("base64");
          this._reqOpts.uri = opts.tokenEndpoint;
        } else if (opts.staticToken) {
          this._logger.debug("WSO2 auth config token API data not set, fallback to static token");
          this._token = opts.staticToken;
        } else {
          this._token = null;
        }
      }
      getToken() {
        return this._token;
      }
      async start() {
        if (this._token === void 0) {
          await this.refreshToken();
        }
      }
      stop() {
        clearTimeout(this._refreshTimer);
        this._refreshTimer = null;
        this._token = null;
      }
      async refreshToken() {
        this.stop();
        this._logger.isDebugEnabled() && this._logger.debug("WSO2 token refresh initiated");
        const reqOpts = {
          ...this._reqOpts,
          headers: {
            "Authorization": `Basic ${this._basicToken}`,
            "Content-Type": "application/x-www-form-urlencoded"
          }
        };
        let refreshSeconds;
        try {
          const response = await request(reqOpts);
          this._logger.isDebugEnabled() && this._logger.push({ reqOpts: { ...reqOpts, agent: "[REDACTED]" }, response }).debug("Response received from WSO2");
          if (response.statusCode > 299) {
            this.emit("error", "Error retrieving WSO2 auth token");
            throw new Error(`Unexpected response code ${response.statusCode} received from WSO2 token request`);
          }
          const { access_token, expires_in } = response.data;
          this._token = access_token;
          const tokenIsValidNumber = typeof expires_in === "number" && expires_in > 0;
          const tokenExpiry = tokenIsValidNumber ? expires_in : Infinity;
          refreshSeconds = Math.min(this._refreshSeconds, tokenExpiry);
          this._logger.isDebugEnabled() && this._logger.debug(`WSO2 token refreshed successfully. Token expiry is ${expires_in}${tokenIsValidNumber ? "s" : ""}, next refresh in ${refreshSeconds}s`);
        } catch (error) {
          this._logger.isDebugEnabled() && this._logger.debug(`Error performing WSO2 token refresh: ${error.message}. Retry in ${this._refreshRetrySeconds}s`);
          refreshSeconds = this._refreshRetrySeconds;
        }
        this._refreshTimer = setTimeout(this.refreshToken.bind(this), refreshSeconds * 1e3);
        return this.getToken();
      }
    };
    module.exports = WSO2Auth;
  }
});

// node_modules/@mojaloop/sdk-standard-components/src/lib/randomphrase/words.json
var require_words = __commonJS({
  "node_modules/@mojaloop/sdk-standard-components/src/lib/randomphrase/words.json"(exports, module) {
    module.exports = {
      verbs: [
        "abide",
        "accelerate",
        "accept",
        "accomplish",
        "achieve",
        "acquire",
        "acted",
        "activate",
        "adapt",
        "add",
        "address",
        "administer",
        "admire",
        "admit",
        "adopt",
        "advise",
        "afford",
        "agree",
        "alert",
        "alight",
        "allow",
        "altered",
        "amuse",
        "analyze",
        "announce",
        "annoy",
        "answer",
        "anticipate",
        "apologize",
        "appear",
        "applaud",
        "applied",
        "appoint",
        "appraise",
        "appreciate",
        "approve",
        "arbitrate",
        "argue",
        "arise",
        "arrange",
        "arrest",
        "arrive",
        "ascertain",
        "ask",
        "assemble",
        "assess",
        "assist",
        "assure",
        "attach",
        "attack",
        "attain",
        "attempt",
        "attend",
        "attract",
        "audited",
        "avoid",
        "awake",
        "back",
        "bake",
        "balance",
        "ban",
        "bang",
        "bare",
        "bat",
        "bathe",
        "battle",
        "be",
        "beam",
        "bear",
        "beat",
        "become",
        "beg",
        "begin",
        "behave",
        "behold",
        "belong",
        "bend",
        "beset",
        "bet",
        "bid",
        "bind",
        "bite",
        "bleach",
        "bleed",
        "bless",
        "blind",
        "blink",
        "blot",
        "blow",
        "blush",
        "boast",
        "boil",
        "bolt",
        "bomb",
        "book",
        "bore",
        "borrow",
        "bounce",
        "bow",
        "box",
        "brake",
        "branch",
        "break",
        "breathe",
        "breed",
        "brief",
        "bring",
        "broadcast",
        "bruise",
        "brush",
        "bubble",
        "budget",
        "build",
        "bump",
        "burn",
        "burst",
        "bury",
        "bust",
        "buy",
        "buze",
        "calculate",
        "call",
        "camp",
        "care",
        "carry",
        "carve",
        "cast",
        "catalog",
        "catch",
        "cause",
        "challenge",
        "change",
        "charge",
        "chart",
        "chase",
        "cheat",
        "check",
        "cheer",
        "chew",
        "choke",
        "choose",
        "chop",
        "claim",
        "clap",
        "clarify",
        "classify",
        "clean",
        "clear",
        "cling",
        "clip",
        "close",
        "clothe",
        "coach",
        "coil",
        "collect",
        "color",
        "comb",
        "come",
        "command",
        "communicate",
        "compare",
        "compete",
        "compile",
        "complain",
        "complete",
        "compose",
        "compute",
        "conceive",
        "concentrate",
        "conceptualize",
        "concern",
        "conclude",
        "conduct",
        "confess",
        "confront",
        "confuse",
        "connect",
        "conserve",
        "consider",
        "consist",
        "consolidate",
        "construct",
        "consult",
        "contain",
        "continue",
        "contract",
        "control",
        "convert",
        "coordinate",
        "copy",
        "correct",
        "correlate",
        "cost",
        "cough",
        "counsel",
        "count",
        "cover",
        "crack",
        "crash",
        "crawl",
        "create",
        "creep",
        "critique",
        "cross",
        "crush",
        "cry",
        "cure",
        "curl",
        "curve",
        "cut",
        "cycle",
        "dam",
        "damage",
        "dance",
        "dare",
        "deal",
        "decay",
        "deceive",
        "decide",
        "decorate",
        "define",
        "delay",
        "delegate",
        "delight",
        "deliver",
        "demonstrate",
        "depend",
        "describe",
        "desert",
        "deserve",
        "design",
        "destroy",
        "detail",
        "detect",
        "determine",
        "develop",
        "devise",
        "diagnose",
        "dig",
        "direct",
        "disagree",
        "disappear",
        "disapprove",
        "disarm",
        "discover",
        "dislike",
        "dispense",
        "display",
        "disprove",
        "dissect",
        "distribute",
        "dive",
        "divert",
        "divide",
        "do",
        "double",
        "doubt",
        "draft",
        "drag",
        "drain",
        "dramatize",
        "draw",
        "dream",
        "dress",
        "drink",
        "drip",
        "drive",
        "drop",
        "drown",
        "drum",
        "dry",
        "dust",
        "dwell",
        "earn",
        "eat",
        "edited",
        "educate",
        "eliminate",
        "embarrass",
        "employ",
        "empty",
        "enacted",
        "encourage",
        "end",
        "endure",
        "enforce",
        "engineer",
        "enhance",
        "enjoy",
        "enlist",
        "ensure",
        "enter",
        "entertain",
        "escape",
        "establish",
        "estimate",
        "evaluate",
        "examine",
        "exceed",
        "excite",
        "excuse",
        "execute",
        "exercise",
        "exhibit",
        "exist",
        "expand",
        "expect",
        "expedite",
        "experiment",
        "explain",
        "explode",
        "express",
        "extend",
        "extract",
        "face",
        "facilitate",
        "fade",
        "fail",
        "fancy",
        "fasten",
        "fax",
        "fear",
        "feed",
        "feel",
        "fence",
        "fetch",
        "fight",
        "file",
        "fill",
        "film",
        "finalize",
        "finance",
        "find",
        "fire",
        "fit",
        "fix",
        "flap",
        "flash",
        "flee",
        "fling",
        "float",
        "flood",
        "flow",
        "flower",
        "fly",
        "fold",
        "follow",
        "fool",
        "forbid",
        "force",
        "forecast",
        "forego",
        "foresee",
        "foretell",
        "forget",
        "forgive",
        "form",
        "formulate",
        "forsake",
        "frame",
        "freeze",
        "frighten",
        "fry",
        "gather",
        "gaze",
        "generate",
        "get",
        "give",
        "glow",
        "glue",
        "go",
        "govern",
        "grab",
        "graduate",
        "grate",
        "grease",
        "greet",
        "grin",
        "grind",
        "grip",
        "groan",
        "grow",
        "guarantee",
        "guard",
        "guess",
        "guide",
        "hammer",
        "hand",
        "handle",
        "handwrite",
        "hang",
        "happen",
        "harass",
        "harm",
        "hate",
        "haunt",
        "head",
        "heal",
        "heap",
        "hear",
        "heat",
        "help",
        "hide",
        "hit",
        "hold",
        "hook",
        "hop",
        "hope",
        "hover",
        "hug",
        "hum",
        "hunt",
        "hurry",
        "hurt",
        "hypothesize",
        "identify",
        "ignore",
        "illustrate",
        "imagine",
        "implement",
        "impress",
        "improve",
        "improvise",
        "include",
        "increase",
        "induce",
        "influence",
        "inform",
        "initiate",
        "inject",
        "injure",
        "inlay",
        "innovate",
        "input",
        "inspect",
        "inspire",
        "install",
        "institute",
        "instruct",
        "insure",
        "integrate",
        "intend",
        "intensify",
        "interest",
        "interfere",
        "interlay",
        "interpret",
        "interrupt",
        "interview",
        "introduce",
        "invent",
        "inventory",
        "investigate",
        "invite",
        "irritate",
        "itch",
        "jail",
        "jam",
        "jog",
        "join",
        "joke",
        "judge",
        "juggle",
        "jump",
        "justify",
        "keep",
        "kept",
        "kick",
        "kill",
        "kiss",
        "kneel",
        "knit",
        "knock",
        "knot",
        "know",
        "label",
        "land",
        "last",
        "laugh",
        "launch",
        "lay",
        "lead",
        "lean",
        "leap",
        "learn",
        "leave",
        "lecture",
        "led",
        "lend",
        "let",
        "level",
        "license",
        "lick",
        "lie",
        "lifted",
        "light",
        "lighten",
        "like",
        "list",
        "listen",
        "live",
        "load",
        "locate",
        "lock",
        "log",
        "long",
        "look",
        "lose",
        "love",
        "maintain",
        "make",
        "man",
        "manage",
        "manipulate",
        "manufacture",
        "map",
        "march",
        "mark",
        "market",
        "marry",
        "match",
        "mate",
        "matter",
        "mean",
        "measure",
        "meddle",
        "mediate",
        "meet",
        "melt",
        "melt",
        "memorize",
        "mend",
        "mentor",
        "milk",
        "mine",
        "mislead",
        "miss",
        "misspell",
        "mistake",
        "misunderstand",
        "mix",
        "moan",
        "model",
        "modify",
        "monitor",
        "moor",
        "motivate",
        "mourn",
        "move",
        "mow",
        "muddle",
        "mug",
        "multiply",
        "murder",
        "nail",
        "name",
        "navigate",
        "need",
        "negotiate",
        "nest",
        "nod",
        "nominate",
        "normalize",
        "note",
        "notice",
        "number",
        "obey",
        "object",
        "observe",
        "obtain",
        "occur",
        "offend",
        "offer",
        "officiate",
        "open",
        "operate",
        "order",
        "organize",
        "oriented",
        "originate",
        "overcome",
        "overdo",
        "overdraw",
        "overflow",
        "overhear",
        "overtake",
        "overthrow",
        "owe",
        "own",
        "pack",
        "paddle",
        "paint",
        "park",
        "part",
        "participate",
        "pass",
        "paste",
        "pat",
        "pause",
        "pay",
        "peck",
        "pedal",
        "peel",
        "peep",
        "perceive",
        "perfect",
        "perform",
        "permit",
        "persuade",
        "phone",
        "photograph",
        "pick",
        "pilot",
        "pinch",
        "pine",
        "pinpoint",
        "pioneer",
        "place",
        "plan",
        "plant",
        "play",
        "plead",
        "please",
        "plug",
        "point",
        "poke",
        "polish",
        "pop",
        "possess",
        "post",
        "pour",
        "practice",
        "praised",
        "pray",
        "preach",
        "precede",
        "predict",
        "prefer",
        "prepare",
        "prescribe",
        "present",
        "preserve",
        "preset",
        "preside",
        "press",
        "pretend",
        "prevent",
        "prick",
        "print",
        "process",
        "procure",
        "produce",
        "profess",
        "program",
        "progress",
        "project",
        "promise",
        "promote",
        "proofread",
        "propose",
        "protect",
        "prove",
        "provide",
        "publicize",
        "pull",
        "pump",
        "punch",
        "puncture",
        "punish",
        "purchase",
        "push",
        "put",
        "qualify",
        "question",
        "queue",
        "quit",
        "race",
        "radiate",
        "rain",
        "raise",
        "rank",
        "rate",
        "reach",
        "read",
        "realign",
        "realize",
        "reason",
        "receive",
        "recognize",
        "recommend",
        "reconcile",
        "record",
        "recruit",
        "reduce",
        "refer",
        "reflect",
        "refuse",
        "regret",
        "regulate",
        "rehabilitate",
        "reign",
        "reinforce",
        "reject",
        "rejoice",
        "relate",
        "relax",
        "release",
        "rely",
        "remain",
        "remember",
        "remind",
        "remove",
        "render",
        "reorganize",
        "repair",
        "repeat",
        "replace",
        "reply",
        "report",
        "represent",
        "reproduce",
        "request",
        "rescue",
        "research",
        "resolve",
        "respond",
        "restored",
        "restructure",
        "retire",
        "retrieve",
        "return",
        "review",
        "revise",
        "rhyme",
        "rid",
        "ride",
        "ring",
        "rinse",
        "rise",
        "risk",
        "rob",
        "rock",
        "roll",
        "rot",
        "rub",
        "ruin",
        "rule",
        "run",
        "rush",
        "sack",
        "sail",
        "satisfy",
        "save",
        "saw",
        "say",
        "scare",
        "scatter",
        "schedule",
        "scold",
        "scorch",
        "scrape",
        "scratch",
        "scream",
        "screw",
        "scribble",
        "scrub",
        "seal",
        "search",
        "secure",
        "see",
        "seek",
        "select",
        "sell",
        "send",
        "sense",
        "separate",
        "serve",
        "service",
        "set",
        "settle",
        "sew",
        "shade",
        "shake",
        "shape",
        "share",
        "shave",
        "shear",
        "shed",
        "shelter",
        "shine",
        "shiver",
        "shock",
        "shoe",
        "shoot",
        "shop",
        "show",
        "shrink",
        "shrug",
        "shut",
        "sigh",
        "sign",
        "signal",
        "simplify",
        "sin",
        "sing",
        "sink",
        "sip",
        "sit",
        "sketch",
        "ski",
        "skip",
        "slap",
        "slay",
        "sleep",
        "slide",
        "sling",
        "slink",
        "slip",
        "slit",
        "slow",
        "smash",
        "smell",
        "smile",
        "smite",
        "smoke",
        "snatch",
        "sneak",
        "sneeze",
        "sniff",
        "snore",
        "snow",
        "soak",
        "solve",
        "soothe",
        "soothsay",
        "sort",
        "sound",
        "sow",
        "spare",
        "spark",
        "sparkle",
        "speak",
        "specify",
        "speed",
        "spell",
        "spend",
        "spill",
        "spin",
        "spit",
        "split",
        "spoil",
        "spot",
        "spray",
        "spread",
        "spring",
        "sprout",
        "squash",
        "squeak",
        "squeal",
        "squeeze",
        "stain",
        "stamp",
        "stand",
        "stare",
        "start",
        "stay",
        "steal",
        "steer",
        "step",
        "stick",
        "stimulate",
        "sting",
        "stink",
        "stir",
        "stitch",
        "stop",
        "store",
        "strap",
        "streamline",
        "strengthen",
        "stretch",
        "stride",
        "strike",
        "string",
        "strip",
        "strive",
        "stroke",
        "structure",
        "study",
        "stuff",
        "sublet",
        "subtract",
        "succeed",
        "suck",
        "suffer",
        "suggest",
        "suit",
        "summarize",
        "supervise",
        "supply",
        "support",
        "suppose",
        "surprise",
        "surround",
        "suspect",
        "suspend",
        "swear",
        "sweat",
        "sweep",
        "swell",
        "swim",
        "swing",
        "switch",
        "symbolize",
        "synthesize",
        "systemize",
        "tabulate",
        "take",
        "talk",
        "tame",
        "tap",
        "target",
        "taste",
        "teach",
        "tear",
        "tease",
        "telephone",
        "tell",
        "tempt",
        "terrify",
        "test",
        "thank",
        "thaw",
        "think",
        "thrive",
        "throw",
        "thrust",
        "tick",
        "tickle",
        "tie",
        "time",
        "tip",
        "tire",
        "touch",
        "tour",
        "tow",
        "trace",
        "trade",
        "train",
        "transcribe",
        "transfer",
        "transform",
        "translate",
        "transport",
        "trap",
        "travel",
        "tread",
        "treat",
        "tremble",
        "trick",
        "trip",
        "trot",
        "trouble",
        "troubleshoot",
        "trust",
        "try",
        "tug",
        "tumble",
        "turn",
        "tutor",
        "twist",
        "type",
        "undergo",
        "understand",
        "undertake",
        "undress",
        "unfasten",
        "unify",
        "unite",
        "unlock",
        "unpack",
        "untidy",
        "update",
        "upgrade",
        "uphold",
        "upset",
        "use",
        "utilize",
        "vanish",
        "verbalize",
        "verify",
        "vex",
        "visit",
        "wail",
        "wait",
        "wake",
        "walk",
        "wander",
        "want",
        "warm",
        "warn",
        "wash",
        "waste",
        "watch",
        "water",
        "wave",
        "wear",
        "weave",
        "wed",
        "weep",
        "weigh",
        "welcome",
        "wend",
        "wet",
        "whine",
        "whip",
        "whirl",
        "whisper",
        "whistle",
        "win",
        "wind",
        "wink",
        "wipe",
        "wish",
        "withdraw",
        "withhold",
        "withstand",
        "wobble",
        "wonder",
        "work",
        "worry",
        "wrap",
        "wreck",
        "wrestle",
        "wriggle",
        "wring",
        "write",
        "x-ray",
        "yawn",
        "yell",
        "zip",
        "zoom"
      ],
      adjectives: [
        "quizzical",
        "highfalutin",
        "dynamic",
        "wakeful",
        "cheerful",
        "thoughtful",
        "cooperative",
        "questionable",
        "abundant",
        "uneven",
        "yummy",
        "juicy",
        "vacuous",
        "concerned",
        "young",
        "sparkling",
        "abhorrent",
        "sweltering",
        "late",
        "macho",
        "scrawny",
        "friendly",
        "kaput",
        "divergent",
        "busy",
        "charming",
        "protective",
        "premium",
        "puzzled",
        "waggish",
        "rambunctious",
        "puffy",
        "hard",
        "fat",
        "sedate",
        "yellow",
        "resonant",
        "dapper",
        "courageous",
        "vast",
        "cool",
        "elated",
        "wary",
        "bewildered",
        "level",
        "wooden",
        "ceaseless",
        "tearful",
        "cloudy",
        "gullible",
        "flashy",
        "trite",
        "quick",
        "nondescript",
        "round",
        "slow",
        "spiritual",
        "brave",
        "tenuous",
        "abstracted",
        "colossal",
        "sloppy",
        "obsolete",
        "elegant",
        "fabulous",
        "vivacious",
        "exuberant",
        "faithful",
        "helpless",
        "odd",
        "sordid",
        "blue",
        "imported",
        "ugly",
        "ruthless",
        "deeply",
        "eminent",
        "reminiscent",
        "rotten",
        "sour",
        "volatile",
        "succinct",
        "judicious",
        "abrupt",
        "learned",
        "stereotyped",
        "evanescent",
        "efficacious",
        "festive",
        "loose",
        "torpid",
        "condemned",
        "selective",
        "strong",
        "momentous",
        "ordinary",
        "dry",
        "great",
        "ultra",
        "ahead",
        "broken",
        "dusty",
        "piquant",
        "creepy",
        "miniature",
        "periodic",
        "equable",
        "unsightly",
        "narrow",
        "grieving",
        "whimsical",
        "fantastic",
        "kindhearted",
        "miscreant",
        "cowardly",
        "cloistered",
        "marked",
        "bloody",
        "chunky",
        "undesirable",
        "oval",
        "nauseating",
        "aberrant",
        "stingy",
        "standing",
        "distinct",
        "illegal",
        "angry",
        "faint",
        "rustic",
        "few",
        "calm",
        "gorgeous",
        "mysterious",
        "tacky",
        "unadvised",
        "greasy",
        "minor",
        "loving",
        "melodic",
        "flat",
        "wretched",
        "clever",
        "barbarous",
        "pretty",
        "endurable",
        "handsomely",
        "unequaled",
        "acceptable",
        "symptomatic",
        "hurt",
        "tested",
        "long",
        "warm",
        "ignorant",
        "ashamed",
        "excellent",
        "known",
        "adamant",
        "eatable",
        "verdant",
        "meek",
        "unbiased",
        "rampant",
        "somber",
        "cuddly",
        "harmonious",
        "salty",
        "overwrought",
        "stimulating",
        "beautiful",
        "crazy",
        "grouchy",
        "thirsty",
        "joyous",
        "confused",
        "terrible",
        "high",
        "unarmed",
        "gabby",
        "wet",
        "sharp",
        "wonderful",
        "magenta",
        "tan",
        "huge",
        "productive",
        "defective",
        "chilly",
        "needy",
        "imminent",
        "flaky",
        "fortunate",
        "neighborly",
        "hot",
        "husky",
        "optimal",
        "gaping",
        "faulty",
        "guttural",
        "massive",
        "watery",
        "abrasive",
        "ubiquitous",
        "aspiring",
        "impartial",
        "annoyed",
        "billowy",
        "lucky",
        "panoramic",
        "heartbreaking",
        "fragile",
        "purring",
        "wistful",
        "burly",
        "filthy",
        "psychedelic",
        "harsh",
        "disagreeable",
        "ambiguous",
        "short",
        "splendid",
        "crowded",
        "light",
        "yielding",
        "hypnotic",
        "dispensable",
        "deserted",
        "nonchalant",
        "green",
        "puny",
        "deafening",
        "classy",
        "tall",
        "typical",
        "exclusive",
        "materialistic",
        "mute",
        "shaky",
        "inconclusive",
        "rebellious",
        "doubtful",
        "telling",
        "unsuitable",
        "woebegone",
        "cold",
        "sassy",
        "arrogant",
        "perfect",
        "adhesive",
        "industrious",
        "crabby",
        "curly",
        "voiceless",
        "nostalgic",
        "better",
        "slippery",
        "willing",
        "nifty",
        "orange",
        "victorious",
        "ritzy",
        "wacky",
        "vigorous",
        "spotless",
        "good",
        "powerful",
        "bashful",
        "soggy",
        "grubby",
        "moaning",
        "placid",
        "permissible",
        "half",
        "towering",
        "bawdy",
        "measly",
        "abaft",
        "delightful",
        "goofy",
        "capricious",
        "nonstop",
        "addicted",
        "acoustic",
        "furtive",
        "erratic",
        "heavy",
        "square",
        "delicious",
        "needless",
        "resolute",
        "innocent",
        "abnormal",
        "hurried",
        "awful",
        "impossible",
        "aloof",
        "giddy",
        "large",
        "pointless",
        "petite",
        "jolly",
        "boundless",
        "abounding",
        "hilarious",
        "heavenly",
        "honorable",
        "squeamish",
        "red",
        "phobic",
        "trashy",
        "pathetic",
        "parched",
        "godly",
        "greedy",
        "pleasant",
        "small",
        "aboriginal",
        "dashing",
        "icky",
        "bumpy",
        "laughable",
        "hapless",
        "silent",
        "scary",
        "shaggy",
        "organic",
        "unbecoming",
        "inexpensive",
        "wrong",
        "repulsive",
        "flawless",
        "labored",
        "disturbed",
        "aboard",
        "gusty",
        "loud",
        "jumbled",
        "exotic",
        "vulgar",
        "threatening",
        "belligerent",
        "synonymous",
        "encouraging",
        "fancy",
        "embarrassed",
        "clumsy",
        "fast",
        "ethereal",
        "chubby",
        "high-pitched",
        "plastic",
        "open",
        "straight",
        "little",
        "ancient",
        "fair",
        "psychotic",
        "murky",
        "earthy",
        "callous",
        "heady",
        "lamentable",
        "hallowed",
        "obtainable",
        "toothsome",
        "oafish",
        "gainful",
        "flippant",
        "tangy",
        "tightfisted",
        "damaging",
        "utopian",
        "gaudy",
        "brainy",
        "imperfect",
        "shiny",
        "fanatical",
        "snotty",
        "relieved",
        "shallow",
        "foamy",
        "parsimonious",
        "gruesome",
        "elite",
        "wide",
        "kind",
        "bored",
        "tangible",
        "depressed",
        "boring",
        "screeching",
        "outrageous",
        "determined",
        "picayune",
        "glossy",
        "historical",
        "staking",
        "curious",
        "gigantic",
        "wandering",
        "profuse",
        "vengeful",
        "glib",
        "unaccountable",
        "frightened",
        "outstanding",
        "chivalrous",
        "workable",
        "modern",
        "swanky",
        "comfortable",
        "gentle",
        "substantial",
        "brawny",
        "curved",
        "nebulous",
        "boorish",
        "afraid",
        "fierce",
        "efficient",
        "lackadaisical",
        "recondite",
        "internal",
        "absorbed",
        "squealing",
        "frail",
        "thundering",
        "wanting",
        "cooing",
        "axiomatic",
        "debonair",
        "boiling",
        "tired",
        "numberless",
        "flowery",
        "mushy",
        "enthusiastic",
        "proud",
        "upset",
        "hungry",
        "astonishing",
        "deadpan",
        "prickly",
        "mammoth",
        "absurd",
        "clean",
        "jittery",
        "wry",
        "entertaining",
        "literate",
        "lying",
        "uninterested",
        "aquatic",
        "super",
        "languid",
        "cute",
        "absorbing",
        "scattered",
        "brief",
        "halting",
        "bright",
        "fuzzy",
        "lethal",
        "scarce",
        "aggressive",
        "obsequious",
        "fine",
        "giant",
        "holistic",
        "pastoral",
        "stormy",
        "quaint",
        "nervous",
        "wasteful",
        "grotesque",
        "loutish",
        "abiding",
        "unable",
        "black",
        "dysfunctional",
        "knowledgeable",
        "truculent",
        "various",
        "luxuriant",
        "shrill",
        "spiffy",
        "guarded",
        "colorful",
        "misty",
        "spurious",
        "freezing",
        "glamorous",
        "famous",
        "new",
        "instinctive",
        "nasty",
        "exultant",
        "seemly",
        "tawdry",
        "maniacal",
        "wrathful",
        "shy",
        "nutritious",
        "idiotic",
        "worried",
        "bad",
        "stupid",
        "ruddy",
        "wholesale",
        "naughty",
        "thoughtless",
        "futuristic",
        "available",
        "slimy",
        "cynical",
        "fluffy",
        "plausible",
        "nasty",
        "tender",
        "changeable",
        "smiling",
        "oceanic",
        "satisfying",
        "steadfast",
        "ugliest",
        "crooked",
        "subsequent",
        "fascinated",
        "woozy",
        "teeny",
        "quickest",
        "moldy",
        "uppity",
        "sable",
        "horrible",
        "silly",
        "ad hoc",
        "numerous",
        "berserk",
        "wiry",
        "knowing",
        "lazy",
        "childlike",
        "zippy",
        "fearless",
        "pumped",
        "weak",
        "tacit",
        "weary",
        "rapid",
        "precious",
        "smoggy",
        "swift",
        "lyrical",
        "steep",
        "quack",
        "direful",
        "talented",
        "hesitant",
        "fallacious",
        "ill",
        "quarrelsome",
        "quiet",
        "flipped-out",
        "didactic",
        "fluttering",
        "glorious",
        "tough",
        "sulky",
        "elfin",
        "abortive",
        "sweet",
        "habitual",
        "supreme",
        "hollow",
        "possessive",
        "inquisitive",
        "adjoining",
        "incandescent",
        "lowly",
        "majestic",
        "bizarre",
        "acrid",
        "expensive",
        "aback",
        "unusual",
        "foolish",
        "jobless",
        "capable",
        "damp",
        "political",
        "dazzling",
        "erect",
        "Early",
        "immense",
        "hellish",
        "omniscient",
        "reflective",
        "lovely",
        "incompetent",
        "empty",
        "breakable",
        "educated",
        "easy",
        "devilish",
        "assorted",
        "decorous",
        "jaded",
        "homely",
        "dangerous",
        "adaptable",
        "coherent",
        "dramatic",
        "tense",
        "abject",
        "fretful",
        "troubled",
        "diligent",
        "solid",
        "plain",
        "raspy",
        "irate",
        "offbeat",
        "healthy",
        "melted",
        "cagey",
        "many",
        "wild",
        "venomous",
        "animated",
        "alike",
        "youthful",
        "ripe",
        "alcoholic",
        "sincere",
        "teeny-tiny",
        "lush",
        "defeated",
        "zonked",
        "foregoing",
        "dizzy",
        "frantic",
        "obnoxious",
        "funny",
        "damaged",
        "grandiose",
        "spectacular",
        "maddening",
        "defiant",
        "makeshift",
        "strange",
        "painstaking",
        "merciful",
        "madly",
        "clammy",
        "itchy",
        "difficult",
        "clear",
        "used",
        "temporary",
        "abandoned",
        "null",
        "rainy",
        "evil",
        "alert",
        "domineering",
        "amuck",
        "rabid",
        "jealous",
        "robust",
        "obeisant",
        "overt",
        "enchanting",
        "longing",
        "cautious",
        "motionless",
        "bitter",
        "anxious",
        "craven",
        "breezy",
        "ragged",
        "skillful",
        "quixotic",
        "knotty",
        "grumpy",
        "dark",
        "draconian",
        "alluring",
        "magical",
        "versed",
        "humdrum",
        "accurate",
        "ludicrous",
        "sleepy",
        "envious",
        "lavish",
        "roasted",
        "thinkable",
        "overconfident",
        "roomy",
        "painful",
        "wee",
        "observant",
        "old-fashioned",
        "drunk",
        "royal",
        "likeable",
        "adventurous",
        "eager",
        "obedient",
        "attractive",
        "x-rated",
        "spooky",
        "poised",
        "righteous",
        "excited",
        "real",
        "abashed",
        "womanly",
        "ambitious",
        "lacking",
        "testy",
        "big",
        "gamy",
        "early",
        "auspicious",
        "blue-eyed",
        "discreet",
        "nappy",
        "vague",
        "helpful",
        "nosy",
        "perpetual",
        "disillusioned",
        "overrated",
        "gleaming",
        "tart",
        "soft",
        "agreeable",
        "therapeutic",
        "accessible",
        "poor",
        "gifted",
        "old",
        "humorous",
        "flagrant",
        "magnificent",
        "alive",
        "understood",
        "economic",
        "mighty",
        "ablaze",
        "racial",
        "tasteful",
        "purple",
        "broad",
        "lean",
        "legal",
        "witty",
        "nutty",
        "icy",
        "feigned",
        "redundant",
        "adorable",
        "apathetic",
        "jumpy",
        "scientific",
        "combative",
        "worthless",
        "tasteless",
        "voracious",
        "jazzy",
        "uptight",
        "utter",
        "hospitable",
        "imaginary",
        "finicky",
        "shocking",
        "dead",
        "noisy",
        "shivering",
        "subdued",
        "rare",
        "zealous",
        "demonic",
        "ratty",
        "snobbish",
        "deranged",
        "muddy",
        "whispering",
        "credible",
        "hulking",
        "fertile",
        "tight",
        "abusive",
        "functional",
        "obscene",
        "thankful",
        "daffy",
        "smelly",
        "lively",
        "homeless",
        "secretive",
        "amused",
        "lewd",
        "mere",
        "agonizing",
        "sad",
        "innate",
        "sneaky",
        "noxious",
        "illustrious",
        "alleged",
        "cultured",
        "tame",
        "macabre",
        "lonely",
        "mindless",
        "low",
        "scintillating",
        "statuesque",
        "decisive",
        "rhetorical",
        "hysterical",
        "happy",
        "earsplitting",
        "mundane",
        "spicy",
        "overjoyed",
        "taboo",
        "peaceful",
        "forgetful",
        "elderly",
        "upbeat",
        "squalid",
        "warlike",
        "dull",
        "plucky",
        "handsome",
        "groovy",
        "absent",
        "wise",
        "romantic",
        "invincible",
        "receptive",
        "smooth",
        "different",
        "tiny",
        "cruel",
        "dirty",
        "mature",
        "faded",
        "tiresome",
        "wicked",
        "average",
        "panicky",
        "detailed",
        "juvenile",
        "scandalous",
        "steady",
        "wealthy",
        "deep",
        "sticky",
        "jagged",
        "wide-eyed",
        "tasty",
        "disgusted",
        "garrulous",
        "graceful",
        "tranquil",
        "annoying",
        "hissing",
        "noiseless",
        "selfish",
        "onerous",
        "lopsided",
        "ossified",
        "penitent",
        "malicious",
        "aromatic",
        "successful",
        "zany",
        "evasive",
        "wet",
        "naive",
        "nice",
        "uttermost",
        "brash",
        "muddled",
        "energetic",
        "accidental",
        "silky",
        "guiltless",
        "important",
        "drab",
        "aware",
        "skinny",
        "careful",
        "rightful",
        "tricky",
        "sore",
        "rich",
        "blushing",
        "stale",
        "daily",
        "watchful",
        "uncovered",
        "rough",
        "fresh",
        "hushed",
        "rural"
      ],
      nouns: [
        "ball",
        "bat",
        "bed",
        "book",
        "boy",
        "bun",
        "can",
        "cake",
        "cap",
        "car",
        "cat",
        "cow",
        "cub",
        "cup",
        "dad",
        "day",
        "dog",
        "doll",
        "dust",
        "fan",
        "feet",
        "girl",
        "gun",
        "hall",
        "hat",
        "hen",
        "jar",
        "kite",
        "man",
        "map",
        "men",
        "mom",
        "pan",
        "pet",
        "pie",
        "pig",
        "pot",
        "rat",
        "son",
        "sun",
        "toe",
        "tub",
        "van",
        "apple",
        "arm",
        "banana",
        "bike",
        "bird",
        "book",
        "chin",
        "clam",
        "class",
        "clover",
        "club",
        "corn",
        "crayon",
        "crow",
        "crown",
        "crowd",
        "crib",
        "desk",
        "dime",
        "dirt",
        "dress",
        "fang",
        "field",
        "flag",
        "flower",
        "fog",
        "game",
        "heat",
        "hill",
        "home",
        "horn",
        "hose",
        "joke",
        "juice",
        "kite",
        "lake",
        "maid",
        "mask",
        "mice",
        "milk",
        "mint",
        "meal",
        "meat",
        "moon",
        "mother",
        "morning",
        "name",
        "nest",
        "nose",
        "pear",
        "pen",
        "pencil",
        "plant",
        "rain",
        "river",
        "road",
        "rock",
        "room",
        "rose",
        "seed",
        "shape",
        "shoe",
        "shop",
        "show",
        "sink",
        "snail",
        "snake",
        "snow",
        "soda",
        "sofa",
        "star",
        "step",
        "stew",
        "stove",
        "straw",
        "string",
        "summer",
        "swing",
        "table",
        "tank",
        "team",
        "tent",
        "test",
        "toes",
        "tree",
        "vest",
        "water",
        "wing",
        "winter",
        "woman",
        "women",
        "alarm",
        "animal",
        "aunt",
        "bait",
        "balloon",
        "bath",
        "bead",
        "beam",
        "bean",
        "bedroom",
        "boot",
        "bread",
        "brick",
        "brother",
        "camp",
        "chicken",
        "children",
        "crook",
        "deer",
        "dock",
        "doctor",
        "downtown",
        "drum",
        "dust",
        "eye",
        "family",
        "father",
        "fight",
        "flesh",
        "food",
        "frog",
        "goose",
        "grade",
        "grandfather",
        "grandmother",
        "grape",
        "grass",
        "hook",
        "horse",
        "jail",
        "jam",
        "kiss",
        "kitten",
        "light",
        "loaf",
        "lock",
        "lunch",
        "lunchroom",
        "meal",
        "mother",
        "notebook",
        "owl",
        "pail",
        "parent",
        "park",
        "plot",
        "rabbit",
        "rake",
        "robin",
        "sack",
        "sail",
        "scale",
        "sea",
        "sister",
        "soap",
        "song",
        "spark",
        "space",
        "spoon",
        "spot",
        "spy",
        "summer",
        "tiger",
        "toad",
        "town",
        "trail",
        "tramp",
        "tray",
        "trick",
        "trip",
        "uncle",
        "vase",
        "winter",
        "water",
        "week",
        "wheel",
        "wish",
        "wool",
        "yard",
        "zebra",
        "actor",
        "airplane",
        "airport",
        "army",
        "baseball",
        "beef",
        "birthday",
        "boy",
        "brush",
        "bushes",
        "butter",
        "cast",
        "cave",
        "cent",
        "cherries",
        "cherry",
        "cobweb",
        "coil",
        "cracker",
        "dinner",
        "eggnog",
        "elbow",
        "face",
        "fireman",
        "flavor",
        "gate",
        "glove",
        "glue",
        "goldfish",
        "goose",
        "grain",
        "hair",
        "haircut",
        "hobbies",
        "holiday",
        "hot",
        "jellyfish",
        "ladybug",
        "mailbox",
        "number",
        "oatmeal",
        "pail",
        "pancake",
        "pear",
        "pest",
        "popcorn",
        "queen",
        "quicksand",
        "quiet",
        "quilt",
        "rainstorm",
        "scarecrow",
        "scarf",
        "stream",
        "street",
        "sugar",
        "throne",
        "toothpaste",
        "twig",
        "volleyball",
        "wood",
        "wrench",
        "advice",
        "anger",
        "answer",
        "apple",
        "arithmetic",
        "badge",
        "basket",
        "basketball",
        "battle",
        "beast",
        "beetle",
        "beggar",
        "brain",
        "branch",
        "bubble",
        "bucket",
        "cactus",
        "cannon",
        "cattle",
        "celery",
        "cellar",
        "cloth",
        "coach",
        "coast",
        "crate",
        "cream",
        "daughter",
        "donkey",
        "drug",
        "earthquake",
        "feast",
        "fifth",
        "finger",
        "flock",
        "frame",
        "furniture",
        "geese",
        "ghost",
        "giraffe",
        "governor",
        "honey",
        "hope",
        "hydrant",
        "icicle",
        "income",
        "island",
        "jeans",
        "judge",
        "lace",
        "lamp",
        "lettuce",
        "marble",
        "month",
        "north",
        "ocean",
        "patch",
        "plane",
        "playground",
        "poison",
        "riddle",
        "rifle",
        "scale",
        "seashore",
        "sheet",
        "sidewalk",
        "skate",
        "slave",
        "sleet",
        "smoke",
        "stage",
        "station",
        "thrill",
        "throat",
        "throne",
        "title",
        "toothbrush",
        "turkey",
        "underwear",
        "vacation",
        "vegetable",
        "visitor",
        "voyage",
        "year",
        "able",
        "achieve",
        "acoustics",
        "action",
        "activity",
        "aftermath",
        "afternoon",
        "afterthought",
        "apparel",
        "appliance",
        "beginner",
        "believe",
        "bomb",
        "border",
        "boundary",
        "breakfast",
        "cabbage",
        "cable",
        "calculator",
        "calendar",
        "caption",
        "carpenter",
        "cemetery",
        "channel",
        "circle",
        "creator",
        "creature",
        "education",
        "faucet",
        "feather",
        "friction",
        "fruit",
        "fuel",
        "galley",
        "guide",
        "guitar",
        "health",
        "heart",
        "idea",
        "kitten",
        "laborer",
        "language",
        "lawyer",
        "linen",
        "locket",
        "lumber",
        "magic",
        "minister",
        "mitten",
        "money",
        "mountain",
        "music",
        "partner",
        "passenger",
        "pickle",
        "picture",
        "plantation",
        "plastic",
        "pleasure",
        "pocket",
        "police",
        "pollution",
        "railway",
        "recess",
        "reward",
        "route",
        "scene",
        "scent",
        "squirrel",
        "stranger",
        "suit",
        "sweater",
        "temper",
        "territory",
        "texture",
        "thread",
        "treatment",
        "veil",
        "vein",
        "volcano",
        "wealth",
        "weather",
        "wilderness",
        "wren",
        "wrist",
        "writer",
        "account",
        "achiever",
        "acoustics",
        "act",
        "action",
        "activity",
        "actor",
        "addition",
        "adjustment",
        "advertisement",
        "advice",
        "aftermath",
        "afternoon",
        "afterthought",
        "agreement",
        "air",
        "airplane",
        "airport",
        "alarm",
        "amount",
        "amusement",
        "anger",
        "angle",
        "animal",
        "answer",
        "ant",
        "ants",
        "apparatus",
        "apparel",
        "apple",
        "apples",
        "appliance",
        "approval",
        "arch",
        "argument",
        "arithmetic",
        "arm",
        "army",
        "art",
        "attack",
        "attempt",
        "attention",
        "attraction",
        "aunt",
        "authority",
        "babies",
        "baby",
        "back",
        "badge",
        "bag",
        "bait",
        "balance",
        "ball",
        "balloon",
        "balls",
        "banana",
        "band",
        "base",
        "baseball",
        "basin",
        "basket",
        "basketball",
        "bat",
        "bath",
        "battle",
        "bead",
        "beam",
        "bean",
        "bear",
        "bears",
        "beast",
        "bed",
        "bedroom",
        "beds",
        "bee",
        "beef",
        "beetle",
        "beggar",
        "beginner",
        "behavior",
        "belief",
        "believe",
        "bell",
        "bells",
        "berry",
        "bike",
        "bikes",
        "bird",
        "birds",
        "birth",
        "birthday",
        "bit",
        "bite",
        "blade",
        "blood",
        "blow",
        "board",
        "boat",
        "boats",
        "body",
        "bomb",
        "bone",
        "book",
        "books",
        "boot",
        "border",
        "bottle",
        "boundary",
        "box",
        "boy",
        "boys",
        "brain",
        "brake",
        "branch",
        "brass",
        "bread",
        "breakfast",
        "breath",
        "brick",
        "bridge",
        "brother",
        "brothers",
        "brush",
        "bubble",
        "bucket",
        "building",
        "bulb",
        "bun",
        "burn",
        "burst",
        "bushes",
        "business",
        "butter",
        "button",
        "cabbage",
        "cable",
        "cactus",
        "cake",
        "cakes",
        "calculator",
        "calendar",
        "camera",
        "camp",
        "can",
        "cannon",
        "canvas",
        "cap",
        "caption",
        "car",
        "card",
        "care",
        "carpenter",
        "carriage",
        "cars",
        "cart",
        "cast",
        "cat",
        "cats",
        "cattle",
        "cause",
        "cave",
        "celery",
        "cellar",
        "cemetery",
        "cent",
        "chain",
        "chair",
        "chairs",
        "chalk",
        "chance",
        "change",
        "channel",
        "cheese",
        "cherries",
        "cherry",
        "chess",
        "chicken",
        "chickens",
        "children",
        "chin",
        "church",
        "circle",
        "clam",
        "class",
        "clock",
        "clocks",
        "cloth",
        "cloud",
        "clouds",
        "clover",
        "club",
        "coach",
        "coal",
        "coast",
        "coat",
        "cobweb",
        "coil",
        "collar",
        "color",
        "comb",
        "comfort",
        "committee",
        "company",
        "comparison",
        "competition",
        "condition",
        "connection",
        "control",
        "cook",
        "copper",
        "copy",
        "cord",
        "cork",
        "corn",
        "cough",
        "country",
        "cover",
        "cow",
        "cows",
        "crack",
        "cracker",
        "crate",
        "crayon",
        "cream",
        "creator",
        "creature",
        "credit",
        "crib",
        "crime",
        "crook",
        "crow",
        "crowd",
        "crown",
        "crush",
        "cry",
        "cub",
        "cup",
        "current",
        "curtain",
        "curve",
        "cushion",
        "dad",
        "daughter",
        "day",
        "death",
        "debt",
        "decision",
        "deer",
        "degree",
        "design",
        "desire",
        "desk",
        "destruction",
        "detail",
        "development",
        "digestion",
        "dime",
        "dinner",
        "dinosaurs",
        "direction",
        "dirt",
        "discovery",
        "discussion",
        "disease",
        "disgust",
        "distance",
        "distribution",
        "division",
        "dock",
        "doctor",
        "dog",
        "dogs",
        "doll",
        "dolls",
        "donkey",
        "door",
        "downtown",
        "drain",
        "drawer",
        "dress",
        "drink",
        "driving",
        "drop",
        "drug",
        "drum",
        "duck",
        "ducks",
        "dust",
        "ear",
        "earth",
        "earthquake",
        "edge",
        "education",
        "effect",
        "egg",
        "eggnog",
        "eggs",
        "elbow",
        "end",
        "engine",
        "error",
        "event",
        "example",
        "exchange",
        "existence",
        "expansion",
        "experience",
        "expert",
        "eye",
        "eyes",
        "face",
        "fact",
        "fairies",
        "fall",
        "family",
        "fan",
        "fang",
        "farm",
        "farmer",
        "father",
        "father",
        "faucet",
        "fear",
        "feast",
        "feather",
        "feeling",
        "feet",
        "fiction",
        "field",
        "fifth",
        "fight",
        "finger",
        "finger",
        "fire",
        "fireman",
        "fish",
        "flag",
        "flame",
        "flavor",
        "flesh",
        "flight",
        "flock",
        "floor",
        "flower",
        "flowers",
        "fly",
        "fog",
        "fold",
        "food",
        "foot",
        "force",
        "fork",
        "form",
        "fowl",
        "frame",
        "friction",
        "friend",
        "friends",
        "frog",
        "frogs",
        "front",
        "fruit",
        "fuel",
        "furniture",
        "alley",
        "game",
        "garden",
        "gate",
        "geese",
        "ghost",
        "giants",
        "giraffe",
        "girl",
        "girls",
        "glass",
        "glove",
        "glue",
        "goat",
        "gold",
        "goldfish",
        "good-bye",
        "goose",
        "government",
        "governor",
        "grade",
        "grain",
        "grandfather",
        "grandmother",
        "grape",
        "grass",
        "grip",
        "ground",
        "group",
        "growth",
        "guide",
        "guitar",
        "gun",
        "hair",
        "haircut",
        "hall",
        "hammer",
        "hand",
        "hands",
        "harbor",
        "harmony",
        "hat",
        "hate",
        "head",
        "health",
        "hearing",
        "heart",
        "heat",
        "help",
        "hen",
        "hill",
        "history",
        "hobbies",
        "hole",
        "holiday",
        "home",
        "honey",
        "hook",
        "hope",
        "horn",
        "horse",
        "horses",
        "hose",
        "hospital",
        "hot",
        "hour",
        "house",
        "houses",
        "humor",
        "hydrant",
        "ice",
        "icicle",
        "idea",
        "impulse",
        "income",
        "increase",
        "industry",
        "ink",
        "insect",
        "instrument",
        "insurance",
        "interest",
        "invention",
        "iron",
        "island",
        "jail",
        "jam",
        "jar",
        "jeans",
        "jelly",
        "jellyfish",
        "jewel",
        "join",
        "joke",
        "journey",
        "judge",
        "juice",
        "jump",
        "kettle",
        "key",
        "kick",
        "kiss",
        "kite",
        "kitten",
        "kittens",
        "kitty",
        "knee",
        "knife",
        "knot",
        "knowledge",
        "laborer",
        "lace",
        "ladybug",
        "lake",
        "lamp",
        "land",
        "language",
        "laugh",
        "lawyer",
        "lead",
        "leaf",
        "learning",
        "leather",
        "leg",
        "legs",
        "letter",
        "letters",
        "lettuce",
        "level",
        "library",
        "lift",
        "light",
        "limit",
        "line",
        "linen",
        "lip",
        "liquid",
        "list",
        "lizards",
        "loaf",
        "lock",
        "locket",
        "look",
        "loss",
        "love",
        "low",
        "lumber",
        "lunch",
        "lunchroom",
        "machine",
        "magic",
        "maid",
        "mailbox",
        "man",
        "manager",
        "map",
        "marble",
        "mark",
        "market",
        "mask",
        "mass",
        "match",
        "meal",
        "measure",
        "meat",
        "meeting",
        "memory",
        "men",
        "metal",
        "mice",
        "middle",
        "milk",
        "mind",
        "mine",
        "minister",
        "mint",
        "minute",
        "mist",
        "mitten",
        "mom",
        "money",
        "monkey",
        "month",
        "moon",
        "morning",
        "mother",
        "motion",
        "mountain",
        "mouth",
        "move",
        "muscle",
        "music",
        "nail",
        "name",
        "nation",
        "neck",
        "need",
        "needle",
        "nerve",
        "nest",
        "net",
        "news",
        "night",
        "noise",
        "north",
        "nose",
        "note",
        "notebook",
        "number",
        "nut",
        "oatmeal",
        "observation",
        "ocean",
        "offer",
        "office",
        "oil",
        "operation",
        "opinion",
        "orange",
        "oranges",
        "order",
        "organization",
        "ornament",
        "oven",
        "owl",
        "owner",
        "page",
        "pail",
        "pain",
        "paint",
        "pan",
        "pancake",
        "paper",
        "parcel",
        "parent",
        "park",
        "part",
        "partner",
        "party",
        "passenger",
        "paste",
        "patch",
        "payment",
        "peace",
        "pear",
        "pen",
        "pencil",
        "person",
        "pest",
        "pet",
        "pets",
        "pickle",
        "picture",
        "pie",
        "pies",
        "pig",
        "pigs",
        "pin",
        "pipe",
        "pizzas",
        "place",
        "plane",
        "planes",
        "plant",
        "plantation",
        "plants",
        "plastic",
        "plate",
        "play",
        "playground",
        "pleasure",
        "plot",
        "plough",
        "pocket",
        "point",
        "poison",
        "police",
        "polish",
        "pollution",
        "popcorn",
        "porter",
        "position",
        "pot",
        "potato",
        "powder",
        "power",
        "price",
        "print",
        "prison",
        "process",
        "produce",
        "profit",
        "property",
        "prose",
        "protest",
        "pull",
        "pump",
        "punishment",
        "purpose",
        "push",
        "quarter",
        "quartz",
        "queen",
        "question",
        "quicksand",
        "quiet",
        "quill",
        "quilt",
        "quince",
        "quiver",
        "rabbit",
        "rabbits",
        "rail",
        "railway",
        "rain",
        "rainstorm",
        "rake",
        "range",
        "rat",
        "rate",
        "ray",
        "reaction",
        "reading",
        "reason",
        "receipt",
        "recess",
        "record",
        "regret",
        "relation",
        "religion",
        "representative",
        "request",
        "respect",
        "rest",
        "reward",
        "rhythm",
        "rice",
        "riddle",
        "rifle",
        "ring",
        "rings",
        "river",
        "road",
        "robin",
        "rock",
        "rod",
        "roll",
        "roof",
        "room",
        "root",
        "rose",
        "route",
        "rub",
        "rule",
        "run",
        "sack",
        "sail",
        "salt",
        "sand",
        "scale",
        "scarecrow",
        "scarf",
        "scene",
        "scent",
        "school",
        "science",
        "scissors",
        "screw",
        "sea",
        "seashore",
        "seat",
        "secretary",
        "seed",
        "selection",
        "self",
        "sense",
        "servant",
        "shade",
        "shake",
        "shame",
        "shape",
        "sheep",
        "sheet",
        "shelf",
        "ship",
        "shirt",
        "shock",
        "shoe",
        "shoes",
        "shop",
        "show",
        "side",
        "sidewalk",
        "sign",
        "silk",
        "silver",
        "sink",
        "sister",
        "sisters",
        "size",
        "skate",
        "skin",
        "skirt",
        "sky",
        "slave",
        "sleep",
        "sleet",
        "slip",
        "slope",
        "smash",
        "smell",
        "smile",
        "smoke",
        "snail",
        "snails",
        "snake",
        "snakes",
        "sneeze",
        "snow",
        "soap",
        "society",
        "sock",
        "soda",
        "sofa",
        "son",
        "song",
        "songs",
        "sort",
        "sound",
        "soup",
        "space",
        "spade",
        "spark",
        "spiders",
        "sponge",
        "spoon",
        "spot",
        "spring",
        "spy",
        "square",
        "squirrel",
        "stage",
        "stamp",
        "star",
        "start",
        "statement",
        "station",
        "steam",
        "steel",
        "stem",
        "step",
        "stew",
        "stick",
        "sticks",
        "stitch",
        "stocking",
        "stomach",
        "stone",
        "stop",
        "store",
        "story",
        "stove",
        "stranger",
        "straw",
        "stream",
        "street",
        "stretch",
        "string",
        "structure",
        "substance",
        "sugar",
        "suggestion",
        "suit",
        "summer",
        "sun",
        "support",
        "surprise",
        "sweater",
        "swim",
        "swing",
        "system",
        "table",
        "tail",
        "talk",
        "tank",
        "taste",
        "tax",
        "teaching",
        "team",
        "teeth",
        "temper",
        "tendency",
        "tent",
        "territory",
        "test",
        "texture",
        "theory",
        "thing",
        "things",
        "thought",
        "thread",
        "thrill",
        "throat",
        "throne",
        "thumb",
        "thunder",
        "ticket",
        "tiger",
        "time",
        "tin",
        "title",
        "toad",
        "toe",
        "toes",
        "tomatoes",
        "tongue",
        "tooth",
        "toothbrush",
        "toothpaste",
        "top",
        "touch",
        "town",
        "toy",
        "toys",
        "trade",
        "trail",
        "train",
        "trains",
        "tramp",
        "transport",
        "tray",
        "treatment",
        "tree",
        "trees",
        "trick",
        "trip",
        "trouble",
        "trousers",
        "truck",
        "trucks",
        "tub",
        "turkey",
        "turn",
        "twig",
        "twist",
        "umbrella",
        "uncle",
        "underwear",
        "unit",
        "use",
        "vacation",
        "value",
        "van",
        "vase",
        "vegetable",
        "veil",
        "vein",
        "verse",
        "vessel",
        "vest",
        "view",
        "visitor",
        "voice",
        "volcano",
        "volleyball",
        "voyage",
        "walk",
        "wall",
        "war",
        "wash",
        "waste",
        "watch",
        "water",
        "wave",
        "waves",
        "wax",
        "way",
        "wealth",
        "weather",
        "week",
        "weight",
        "wheel",
        "whip",
        "whistle",
        "wilderness",
        "wind",
        "window",
        "wine",
        "wing",
        "winter",
        "wire",
        "wish",
        "woman",
        "women",
        "wood",
        "wool",
        "word",
        "work",
        "worm",
        "wound",
        "wren",
        "wrench",
        "wrist",
        "writer",
        "writing",
        "yak",
        "yam",
        "yard",
        "yarn",
        "year",
        "yoke",
        "zebra",
        "zephyr",
        "zinc",
        "zipper",
        "zoo"
      ]
    };
  }
});

// node_modules/@mojaloop/sdk-standard-components/src/lib/randomphrase/index.js
var require_randomphrase = __commonJS({
  "node_modules/@mojaloop/sdk-standard-components/src/lib/randomphrase/index.js"(exports, module) {
    "use strict";
    var words = require_words();
    var randomEl = (arr) => arr[Math.floor(Math.random() * arr.length)];
    module.exports = (separator = "-") => [
      randomEl(words.adjectives),
      randomEl(words.nouns),
      randomEl(words.adjectives),
      randomEl(words.nouns)
    ].join(separator);
  }
});

// node_modules/@mojaloop/sdk-standard-components/src/index.js
var require_src3 = __commonJS({
  "node_modules/@mojaloop/sdk-standard-components/src/index.js"(exports, module) {
    "use strict";
    var Errors = require_errors();
    var Ilp = require_ilp();
    var Jws = require_jws3();
    var Logger = require_logger();
    var requests = require_requests();
    var request = require_request();
    var WSO2Auth = require_WSO2Auth();
    var { MojaloopRequests, ThirdpartyRequests } = requests;
    var randomPhrase = require_randomphrase();
    module.exports = {
      Errors,
      Ilp,
      Jws,
      Logger,
      MojaloopRequests,
      ThirdpartyRequests,
      request,
      requests,
      WSO2Auth,
      randomPhrase
    };
  }
});

// actions/deploy-mojaloop/src/jobs/verify-security.ts
import { readFile } from "node:fs/promises";

// actions/core/src/security/cluster-mounts.ts
import { createPrivateKey, X509Certificate } from "node:crypto";
import { posix } from "node:path";

// actions/core/src/security/cluster-job-contract.ts
var SECURITY_JOB_ENV = {
  /** The hub's FSPIOP base URL as the Job reaches it (the gateway's in-cluster address). */
  hubUrl: "MLPERF_VS_HUB_URL",
  currency: "MLPERF_VS_CURRENCY",
  /** Port the probe receiver listens on inside the pod (HTTPS only with the receiver TLS mount). */
  receiverPort: "MLPERF_VS_RECEIVER_PORT",
  /** URL the switch reaches the receiver at: the Job's Service. */
  receiverBaseUrl: "MLPERF_VS_RECEIVER_BASE_URL",
  /** The fleet DFSP whose JWS key plays "another DFSP's key". */
  foreignFspId: "MLPERF_VS_FOREIGN_FSP",
  /** Where the credentials are mounted (default {@link SECURITY_JOB_CREDENTIALS_DIR}). */
  credentialsDir: "MLPERF_VS_CREDENTIALS_DIR"
};
var SECURITY_JOB_CREDENTIALS_DIR = "/var/run/mlperf-verify";
var SECURITY_JOB_FILES = {
  mtlsDir: "mtls",
  jwsDir: "jws",
  cert: "tls.crt",
  key: "tls.key",
  ca: "ca.crt",
  jwsKey: "private.pem",
  /** Optional: the receiver's server certificate and key (`cert`, `key`); absent means plain HTTP. */
  receiverTlsDir: "receiver"
};
var SECURITY_POSTURE_LINE = "MLPERF_SECURITY_POSTURE";
var SECURITY_ERROR_LINE = "MLPERF_SECURITY_ERROR";

// actions/core/src/security/probe-dfsps.ts
var PROBE_PAYER_FSP_ID = "perfprobe1";
var PROBE_PAYEE_FSP_ID = "perfprobe2";

// actions/core/src/security/cluster-mounts.ts
var SECURITY_JOB_RECEIVER_HOST = "0.0.0.0";
var FSP_ID = /^[A-Za-z0-9][A-Za-z0-9_-]{0,31}$/;
var FSP_ID_ALLOWED = `a DFSP id (letters, digits, "-" or "_", at most 32), other than ${PROBE_PAYER_FSP_ID} and ${PROBE_PAYEE_FSP_ID}`;
var CURRENCY = /^[A-Z]{3}$/;
var Problems = class {
  list = [];
  add(problem) {
    this.list.push(problem);
    return void 0;
  }
  env(name, value, allowed) {
    const shown = value === void 0 ? "is not set" : `is ${JSON.stringify(value)}`;
    return this.add(`${name} ${shown}; allowed: ${allowed}`);
  }
};
function reasonOf(error) {
  return (error instanceof Error ? error.message : String(error)).split("\n")[0] ?? "";
}
function requiredEnv(env, name, allowed, problems) {
  const value = env[name];
  if (value === void 0 || value.trim() === "") return problems.env(name, value, allowed);
  return value;
}
function httpUrl(name, value, problems) {
  const allowed = "an http:// or https:// URL without credentials, query or fragment";
  if (value === void 0) return void 0;
  let url;
  try {
    url = new URL(value);
  } catch {
    return problems.env(name, value, allowed);
  }
  if (url.username !== "" || url.password !== "") {
    return problems.add(`${name} carries user credentials; allowed: ${allowed}`);
  }
  if (url.protocol !== "http:" && url.protocol !== "https:" || url.search !== "" || url.hash !== "") {
    return problems.env(name, value, allowed);
  }
  return value;
}
function port(name, value, problems) {
  if (value === void 0) return void 0;
  const number = /^\d{1,5}$/.test(value) ? Number(value) : Number.NaN;
  if (!Number.isInteger(number) || number < 1 || number > 65535) {
    return problems.env(name, value, "an integer 1–65535");
  }
  return number;
}
async function readMounted(readText2, file, problems) {
  try {
    return await readText2(file);
  } catch (error) {
    return problems.add(`${file} could not be read (${reasonOf(error)})`);
  }
}
function certificate(file, pem, problems) {
  let cert;
  try {
    cert = new X509Certificate(pem);
  } catch (error) {
    return problems.add(`${file} is not a PEM X.509 certificate (${reasonOf(error)})`);
  }
  const validTo = new Date(cert.validTo);
  if (validTo.getTime() < Date.now()) {
    return problems.add(`${file} expired on ${validTo.toISOString()}; allowed: a certificate valid now`);
  }
  return cert;
}
function privateKey(file, pem, problems) {
  try {
    return createPrivateKey(pem);
  } catch (error) {
    return problems.add(`${file} is not an unencrypted PEM private key (${reasonOf(error)})`);
  }
}
async function certAndKey(readText2, dir, problems) {
  const certFile = posix.join(dir, SECURITY_JOB_FILES.cert);
  const keyFile = posix.join(dir, SECURITY_JOB_FILES.key);
  const certPem = await readMounted(readText2, certFile, problems);
  const keyPem = await readMounted(readText2, keyFile, problems);
  const mounted = certPem !== null || keyPem !== null;
  if (certPem === void 0 || keyPem === void 0 || !mounted) return { mounted };
  if (certPem === null || keyPem === null) {
    const [missing, present] = certPem === null ? [certFile, keyFile] : [keyFile, certFile];
    problems.add(`${missing} is missing but ${present} is present; allowed: both files or neither`);
    return { mounted };
  }
  const cert = certificate(certFile, certPem, problems);
  const key = privateKey(keyFile, keyPem, problems);
  if (!cert || !key) return { mounted };
  if (!cert.checkPrivateKey(key)) {
    problems.add(`${keyFile} is not the key of the certificate ${certFile}; allowed: its matching key`);
    return { mounted };
  }
  return { mounted, pair: { certPem, keyPem } };
}
async function jwsKey(readText2, credentialsDir, fspId, problems) {
  const file = posix.join(credentialsDir, SECURITY_JOB_FILES.jwsDir, fspId, SECURITY_JOB_FILES.jwsKey);
  const pem = await readMounted(readText2, file, problems);
  if (pem === void 0) return void 0;
  if (pem === null) return problems.add(`${file} is missing; allowed: ${fspId}'s JWS private key (PEM)`);
  const key = privateKey(file, pem, problems);
  if (!key) return void 0;
  if (key.asymmetricKeyType !== "rsa") {
    return problems.add(
      `${file} holds a ${key.asymmetricKeyType ?? "non-asymmetric"} key; allowed: an RSA private key (FSPIOP signatures are RS256)`
    );
  }
  return pem;
}
async function securityTargetFromMounts(env, readText2) {
  const problems = new Problems();
  const E = SECURITY_JOB_ENV;
  const hubUrl = httpUrl(
    E.hubUrl,
    requiredEnv(env, E.hubUrl, "an http:// or https:// URL", problems),
    problems
  );
  const currencyValue = requiredEnv(
    env,
    E.currency,
    "an ISO 4217 code of three upper-case letters",
    problems
  );
  const currency = currencyValue !== void 0 && !CURRENCY.test(currencyValue) ? problems.env(E.currency, currencyValue, "an ISO 4217 code of three upper-case letters, e.g. XXX") : currencyValue;
  const receiverPort = port(
    E.receiverPort,
    requiredEnv(env, E.receiverPort, "an integer 1–65535", problems),
    problems
  );
  const publicBaseUrl = httpUrl(
    E.receiverBaseUrl,
    requiredEnv(env, E.receiverBaseUrl, "the http(s) URL of the Job Service", problems),
    problems
  );
  const foreignValue = requiredEnv(env, E.foreignFspId, FSP_ID_ALLOWED, problems);
  const foreignFspId = foreignValue !== void 0 && (!FSP_ID.test(foreignValue) || foreignValue === PROBE_PAYER_FSP_ID || foreignValue === PROBE_PAYEE_FSP_ID) ? problems.env(E.foreignFspId, foreignValue, FSP_ID_ALLOWED) : foreignValue;
  const dirValue = env[E.credentialsDir];
  const credentialsDir = dirValue === void 0 || dirValue === "" ? SECURITY_JOB_CREDENTIALS_DIR : posix.isAbsolute(dirValue) ? posix.normalize(dirValue) : problems.env(E.credentialsDir, dirValue, "an absolute path (unset: the default mount path)");
  let target;
  if (credentialsDir !== void 0) {
    const party = async (fspId) => {
      const mtlsDir = posix.join(credentialsDir, SECURITY_JOB_FILES.mtlsDir, fspId);
      const mtls = await certAndKey(readText2, mtlsDir, problems);
      const jws = await jwsKey(readText2, credentialsDir, fspId, problems);
      return { fspId, mtlsDir, mtls, jws };
    };
    const payer = await party(PROBE_PAYER_FSP_ID);
    const payee = await party(PROBE_PAYEE_FSP_ID);
    const foreignJws = foreignFspId === void 0 ? void 0 : await jwsKey(readText2, credentialsDir, foreignFspId, problems);
    if (hubUrl?.startsWith("https:")) {
      for (const p of [payer, payee]) {
        if (!p.mtls.mounted) {
          const files = [SECURITY_JOB_FILES.cert, SECURITY_JOB_FILES.key].map(
            (f) => posix.join(p.mtlsDir, f)
          );
          problems.add(
            `${files.join(" and ")} are missing, but ${E.hubUrl} is https; allowed: the client certificate and key of ${p.fspId} (or an http:// hub URL)`
          );
        }
      }
    }
    const caFile = posix.join(payer.mtlsDir, SECURITY_JOB_FILES.ca);
    const caText = await readMounted(readText2, caFile, problems);
    const caPem = caText && caText.trim() !== "" && certificate(caFile, caText, problems) ? caText : void 0;
    const receiverDir = posix.join(credentialsDir, SECURITY_JOB_FILES.receiverTlsDir);
    const receiverTls = await certAndKey(readText2, receiverDir, problems);
    const tlsMounted = receiverTls.mounted;
    if (publicBaseUrl !== void 0) {
      const https3 = publicBaseUrl.startsWith("https:");
      if (https3 && !tlsMounted) {
        problems.env(
          E.receiverBaseUrl,
          publicBaseUrl,
          `an http:// URL, since no receiver certificate (${posix.join(receiverDir, SECURITY_JOB_FILES.cert)}) is mounted and the receiver serves plain HTTP`
        );
      } else if (!https3 && tlsMounted) {
        problems.env(
          E.receiverBaseUrl,
          publicBaseUrl,
          `an https:// URL, since the receiver certificate in ${receiverDir} is mounted and the receiver serves HTTPS`
        );
      }
    }
    const credentials = (p) => p.jws === void 0 ? void 0 : {
      fspId: p.fspId,
      ...p.mtls.pair ? { clientCertPem: p.mtls.pair.certPem, clientKeyPem: p.mtls.pair.keyPem } : {},
      jwsPrivateKeyPem: p.jws
    };
    const payerCredentials = credentials(payer);
    const payeeCredentials = credentials(payee);
    if (problems.list.length === 0 && hubUrl !== void 0 && currency !== void 0 && receiverPort !== void 0 && publicBaseUrl !== void 0 && foreignFspId !== void 0 && foreignJws !== void 0 && payerCredentials !== void 0 && payeeCredentials !== void 0) {
      target = {
        hubUrl,
        ...caPem ? { caPem } : {},
        currency,
        payer: payerCredentials,
        payee: payeeCredentials,
        foreignSigner: { fspId: foreignFspId, jwsPrivateKeyPem: foreignJws },
        receiver: {
          host: SECURITY_JOB_RECEIVER_HOST,
          port: receiverPort,
          publicBaseUrl,
          tls: receiverTls.pair ?? null
        }
      };
    }
  }
  if (!target || problems.list.length > 0) {
    const list = problems.list.length > 0 ? problems.list : ["an input is invalid"];
    throw new Error(`verify-security cannot run: ${list.join("; ")}`);
  }
  return target;
}
function oneLine(text) {
  return text.replace(/\s*[\r\n]+\s*/g, " ").trim();
}
function formatSecurityJobLine(posture) {
  return `${SECURITY_POSTURE_LINE} ${JSON.stringify(posture)}`;
}
function formatSecurityJobError(message) {
  return `${SECURITY_ERROR_LINE} ${oneLine(message) || "verify-security failed without a message"}`;
}

// actions/core/src/security/fspiop.ts
var import_src = __toESM(require_src3(), 1);
import { randomBytes, randomUUID } from "node:crypto";
var SILENT = { isDebugEnabled: () => false, debug: () => void 0 };
function fspiopHeaders(input) {
  const version = input.version ?? "1.0";
  const headers = {
    "content-type": `application/vnd.interoperability.${input.resource}+json;version=${version}`,
    date: (input.date ?? /* @__PURE__ */ new Date()).toUTCString(),
    "fspiop-source": input.source
  };
  if (input.destination) headers["fspiop-destination"] = input.destination;
  if (input.method !== "PUT") {
    headers.accept = `application/vnd.interoperability.${input.resource}+json;version=${version.split(".")[0]}`;
  }
  return headers;
}
function signRequest(input) {
  const signer = new import_src.default.Jws.signer({ logger: SILENT, signingKey: input.signingKeyPem });
  const options = { method: input.method, uri: input.url, headers: { ...input.headers }, body: input.body };
  signer.sign(options);
  return options.headers;
}
function buildTransferPrepare(input) {
  const transferId = input.transferId ?? randomUUID();
  const transaction = {
    transactionId: randomUUID(),
    quoteId: randomUUID(),
    payee: {
      partyIdInfo: {
        partyIdType: "MSISDN",
        partyIdentifier: input.payeeIdentifier ?? "259900000002",
        fspId: input.payeeFsp
      }
    },
    payer: {
      partyIdInfo: {
        partyIdType: "MSISDN",
        partyIdentifier: input.payerIdentifier ?? "259900000001",
        fspId: input.payerFsp
      }
    },
    amount: { amount: input.amount, currency: input.currency },
    transactionType: { scenario: "TRANSFER", initiator: "PAYER", initiatorType: "CONSUMER" }
  };
  const ilp = new import_src.default.Ilp({ secret: input.ilpSecret, logger: SILENT });
  const { fulfilment, ilpPacket, condition } = ilp.getResponseIlp(transaction);
  return {
    prepare: {
      transferId,
      payerFsp: input.payerFsp,
      payeeFsp: input.payeeFsp,
      amount: { amount: input.amount, currency: input.currency },
      ilpPacket,
      condition,
      expiration: input.expiration.toISOString()
    },
    fulfilment
  };
}
function buildFulfil(fulfilment, now = /* @__PURE__ */ new Date()) {
  return { fulfilment, completedTimestamp: now.toISOString(), transferState: "COMMITTED" };
}
function wrongFulfilment(condition) {
  for (let attempt = 0; attempt < 8; attempt++) {
    const candidate = randomBytes(32).toString("base64url");
    if (!fulfilmentMatches(candidate, condition)) return candidate;
  }
  throw new Error("could not draw a non-matching fulfilment");
}
function fulfilmentMatches(fulfilment, condition) {
  return new import_src.default.Ilp({ secret: "unused", logger: SILENT }).validateFulfil(fulfilment, condition);
}

// actions/core/src/security/posture.ts
var CONTROLS = ["mtls", "jwsValidation", "ilp", "expiry"];
var PROBES = [
  "no-client-certificate",
  "certificate-source-mismatch",
  "unsigned-request",
  "tampered-body",
  "foreign-signature",
  "wrong-fulfilment",
  "expired-at-prepare",
  "late-fulfilment"
];
var PROBE_CONTROL = {
  "no-client-certificate": "mtls",
  "certificate-source-mismatch": "mtls",
  "unsigned-request": "jwsValidation",
  "tampered-body": "jwsValidation",
  "foreign-signature": "jwsValidation",
  "wrong-fulfilment": "ilp",
  "expired-at-prepare": "expiry",
  "late-fulfilment": "expiry"
};
function probeResult(name, expected, outcome, observed) {
  return { name, control: PROBE_CONTROL[name], expected, observed, outcome, passed: outcome === "rejected" };
}
function aggregateControl(probes) {
  const list = [...probes];
  if (list.length === 0) {
    return { status: "not-proven", evidence: "no probe of this control was run", probes: list };
  }
  const line = (p) => `${p.name}: ${p.observed}`;
  const accepted = list.filter((p) => p.outcome === "accepted");
  if (accepted.length > 0) {
    return {
      status: "failed",
      evidence: accepted.map((p) => `${line(p)} (expected: ${p.expected})`).join("; "),
      probes: list
    };
  }
  const open = list.filter((p) => !p.passed);
  if (open.length > 0) {
    return { status: "not-proven", evidence: open.map(line).join("; "), probes: list };
  }
  return {
    status: "proven",
    evidence: `${list.length === 1 ? "the probe was" : `all ${list.length} probes were`} rejected as expected: ${list.map(line).join("; ")}`,
    probes: list
  };
}
function buildPosture(hubUrl, baseline, results, checkedAt = /* @__PURE__ */ new Date()) {
  const controls = {};
  for (const control of CONTROLS)
    controls[control] = aggregateControl(results.filter((r) => r.control === control));
  return { hubUrl, checkedAt: checkedAt.toISOString(), baseline, controls };
}

// actions/core/src/security/receiver.ts
import http from "node:http";
import https from "node:https";
var MAX_BODY_BYTES = 1e6;
var ProbeReceiver = class _ProbeReceiver {
  constructor(server, baseUrl, capacity) {
    this.server = server;
    this.baseUrl = baseUrl;
    this.capacity = capacity;
  }
  server;
  baseUrl;
  capacity;
  records = [];
  waiters = /* @__PURE__ */ new Set();
  static async start(options) {
    let receiver;
    const handler = (req, res) => receiver?.handle(req, res);
    const server = options.tls ? https.createServer(
      {
        cert: options.tls.certPem,
        key: options.tls.keyPem,
        ...options.tls.caPem ? { ca: options.tls.caPem } : {},
        minVersion: "TLSv1.2"
      },
      handler
    ) : http.createServer(handler);
    await new Promise((resolve, reject) => {
      server.once("error", reject);
      server.listen(options.port, options.host, () => resolve());
    });
    const { port: port2 } = server.address();
    const scheme = options.tls ? "https" : "http";
    const host = options.host.includes(":") ? `[${options.host}]` : options.host;
    const base = (options.publicBaseUrl ?? `${scheme}://${host}:${port2}`).replace(/\/+$/, "");
    receiver = new _ProbeReceiver(server, base, options.capacity ?? 500);
    return receiver;
  }
  /** The callback base to register for a probe DFSP. */
  callbackBaseUrl(fspId) {
    return `${this.baseUrl}/${encodeURIComponent(fspId)}`;
  }
  received() {
    return this.records;
  }
  /** The first callback (already received or arriving before the deadline) that matches, else undefined. */
  waitFor(match, timeoutMs) {
    const found = this.records.find(match);
    if (found) return Promise.resolve(found);
    return new Promise((resolve) => {
      const waiter = {
        match,
        resolve,
        timer: setTimeout(() => {
          this.waiters.delete(waiter);
          resolve(void 0);
        }, timeoutMs)
      };
      this.waiters.add(waiter);
    });
  }
  async close() {
    for (const waiter of this.waiters) {
      clearTimeout(waiter.timer);
      waiter.resolve(void 0);
    }
    this.waiters.clear();
    this.server.closeAllConnections();
    await new Promise((resolve) => this.server.close(() => resolve()));
  }
  handle(req, res) {
    const chunks = [];
    let size = 0;
    req.on("data", (chunk) => {
      size += chunk.length;
      if (size <= MAX_BODY_BYTES) chunks.push(chunk);
    });
    req.on("end", () => {
      const method = req.method ?? "GET";
      res.writeHead(method === "POST" ? 202 : 200).end();
      const url = new URL(req.url ?? "/", "http://receiver");
      const [first = "", ...rest] = url.pathname.split("/").filter(Boolean);
      const rawBody = Buffer.concat(chunks).toString("utf8");
      let body;
      try {
        body = rawBody === "" ? void 0 : JSON.parse(rawBody);
      } catch {
        body = void 0;
      }
      const headers = {};
      for (const [name, value] of Object.entries(req.headers)) {
        if (value !== void 0) headers[name] = Array.isArray(value) ? value.join(", ") : value;
      }
      this.record({
        fspId: decodeURIComponent(first),
        method,
        path: `/${rest.join("/")}`,
        headers,
        rawBody,
        body,
        at: Date.now()
      });
    });
  }
  record(callback) {
    this.records.push(callback);
    if (this.records.length > this.capacity) this.records.shift();
    for (const waiter of this.waiters) {
      if (waiter.match(callback)) {
        clearTimeout(waiter.timer);
        this.waiters.delete(waiter);
        waiter.resolve(callback);
      }
    }
  }
};

// actions/core/src/security/tls-client.ts
import http2 from "node:http";
import https2 from "node:https";
var TransportError = class extends Error {
  constructor(failure, code, message) {
    super(message);
    this.failure = failure;
    this.code = code;
  }
  failure;
  code;
  name = "TransportError";
};
var UNREACHABLE = /* @__PURE__ */ new Set([
  "ECONNREFUSED",
  "ENOTFOUND",
  "EHOSTUNREACH",
  "ENETUNREACH",
  "EAI_AGAIN",
  "EADDRNOTAVAIL"
]);
var UNTRUSTED = /* @__PURE__ */ new Set([
  "DEPTH_ZERO_SELF_SIGNED_CERT",
  "SELF_SIGNED_CERT_IN_CHAIN",
  "UNABLE_TO_VERIFY_LEAF_SIGNATURE",
  "UNABLE_TO_GET_ISSUER_CERT",
  "UNABLE_TO_GET_ISSUER_CERT_LOCALLY",
  "CERT_HAS_EXPIRED",
  "CERT_NOT_YET_VALID",
  "ERR_TLS_CERT_ALTNAME_INVALID",
  "CERT_SIGNATURE_FAILURE"
]);
function classifyTransportError(error) {
  if (error instanceof TransportError) return error;
  const err = error;
  const code = typeof err?.code === "string" ? err.code : "UNKNOWN";
  const message = typeof err?.message === "string" ? err.message : String(error);
  let failure = "other";
  if (UNREACHABLE.has(code)) failure = "unreachable";
  else if (UNTRUSTED.has(code)) failure = "untrusted-server";
  else if (code === "ECONNRESET" || code === "EPIPE" || code === "EPROTO" || code.startsWith("ERR_SSL_") || /socket hang up|alert|handshake/i.test(message)) {
    failure = "refused";
  }
  return new TransportError(failure, code, `${code}: ${conciseReason(message)}`);
}
function conciseReason(message) {
  const alert = /(?:tlsv1\d?|sslv3) alert [a-z ]+/i.exec(message);
  if (alert) return alert[0].trim();
  const line = message.split("\n")[0]?.trim() ?? "";
  return line.length > 160 ? `${line.slice(0, 159)}…` : line;
}
function createTlsHttpClient(options = {}) {
  const timeoutMs = options.timeoutMs ?? 1e4;
  return {
    request(method, url, init = {}) {
      return new Promise((resolve, reject) => {
        const target = new URL(url);
        const isHttps = target.protocol === "https:";
        const requestOptions = {
          method,
          headers: {
            ...init.headers ?? {},
            ...init.body === void 0 ? {} : { "content-length": String(Buffer.byteLength(init.body)) }
          },
          agent: false,
          ...isHttps ? {
            ...options.caPem ? { ca: options.caPem } : {},
            ...options.certPem ? { cert: options.certPem } : {},
            ...options.keyPem ? { key: options.keyPem } : {},
            rejectUnauthorized: true,
            minVersion: "TLSv1.2"
          } : {}
        };
        let settled = false;
        const finish2 = (outcome) => {
          if (settled) return;
          settled = true;
          clearTimeout(timer);
          outcome();
        };
        const request = (isHttps ? https2 : http2).request(target, requestOptions, (response) => {
          const chunks = [];
          response.on("data", (chunk) => chunks.push(chunk));
          response.on("end", () => {
            const headers = {};
            for (const [name, value] of Object.entries(response.headers)) {
              if (value !== void 0)
                headers[name.toLowerCase()] = Array.isArray(value) ? value.join(", ") : value;
            }
            finish2(
              () => resolve({
                status: response.statusCode ?? 0,
                headers,
                body: Buffer.concat(chunks).toString("utf8")
              })
            );
          });
          response.on("error", (error) => finish2(() => reject(classifyTransportError(error))));
        });
        const timer = setTimeout(() => {
          const error = new TransportError("timeout", "ETIMEDOUT", `no answer within ${timeoutMs} ms`);
          request.destroy(error);
          finish2(() => reject(error));
        }, timeoutMs);
        request.on("error", (error) => finish2(() => reject(classifyTransportError(error))));
        if (init.body !== void 0) request.write(init.body);
        request.end();
      });
    }
  };
}

// actions/core/src/security/verify.ts
import { randomBytes as randomBytes2 } from "node:crypto";

// actions/core/src/onboarding/errors.ts
function parseFspiopError(body) {
  let parsed;
  try {
    parsed = JSON.parse(body);
  } catch {
    return void 0;
  }
  if (typeof parsed !== "object" || parsed === null) return void 0;
  const record = parsed;
  const info = typeof record.errorInformation === "object" && record.errorInformation !== null ? record.errorInformation : record;
  const code = info.errorCode;
  if (typeof code !== "string" && typeof code !== "number") return void 0;
  const description = typeof info.errorDescription === "string" ? info.errorDescription : "";
  return { errorCode: String(code), errorDescription: description };
}

// actions/core/src/onboarding/http.ts
function joinUrl(baseUrl, path) {
  return `${baseUrl.replace(/\/+$/, "")}/${path.replace(/^\/+/, "")}`;
}

// actions/core/src/security/verify.ts
var DEFAULT_PROBE_TIMEOUTS = {
  requestMs: 1e4,
  callbackMs: 1e4,
  settleMs: 500,
  nearExpiryMs: 2e3,
  lateGraceMs: 1e3,
  transferExpiryMs: 6e4
};
var byCodes = (expected, codes, alsoWhen) => ({
  expected,
  matches: (error) => error !== void 0 && (codes.includes(error.errorCode) || (alsoWhen?.(error) ?? false))
});
var expiryReason = (what) => byCodes(
  `${what}: FSPIOP 3303 (transfer expired), or 3100 naming the expiration`,
  ["3303"],
  (e) => e.errorCode === "3100" && /expir/i.test(e.errorDescription)
);
var REASONS = {
  unsigned: byCodes("rejected: FSPIOP 3105 (invalid signature) or 3102 (missing element)", ["3105", "3102"]),
  badSignature: byCodes("rejected: FSPIOP 3105 (invalid signature)", ["3105"]),
  sourceMismatch: {
    expected: "rejected: the client certificate does not belong to FSPIOP-Source",
    matches: (_error, status) => status >= 400 && status < 500
  },
  wrongFulfilment: byCodes("aborted: FSPIOP 3100 (invalid fulfilment) or 3106, never COMMITTED", [
    "3100",
    "3106"
  ]),
  expiredAtPrepare: expiryReason("rejected"),
  lateFulfilment: expiryReason("aborted, never COMMITTED")
};
function describeError(info) {
  return info ? `FSPIOP ${info.errorCode} "${info.errorDescription}"` : "no FSPIOP error";
}
function describeSent(sent) {
  if (sent.error) return `no HTTP answer (${sent.error.message})`;
  const info = parseFspiopError(sent.response.body);
  return `HTTP ${sent.response.status}${info ? `, ${describeError(info)}` : ""}`;
}
async function send(ctx, client, method, path, headers, body) {
  try {
    return { response: await client.request(method, joinUrl(ctx.hubUrl, path), { headers, body }) };
  } catch (error) {
    return { error: error instanceof Error ? error : new Error(String(error)) };
  }
}
async function sendPrepare(ctx, options = {}) {
  const from = options.from ?? ctx.payer;
  const to = options.to ?? ctx.payee;
  const { prepare, fulfilment } = buildTransferPrepare({
    payerFsp: from.fspId,
    payeeFsp: to.fspId,
    amount: ctx.amount,
    currency: ctx.currency,
    expiration: options.expiration ?? new Date(Date.now() + ctx.timeouts.transferExpiryMs),
    ilpSecret: ctx.ilpSecret
  });
  const body = JSON.stringify(prepare);
  const url = joinUrl(ctx.hubUrl, "/transfers");
  const headers = fspiopHeaders({
    resource: "transfers",
    method: "POST",
    source: from.fspId,
    destination: to.fspId
  });
  const key = options.signingKey === void 0 ? from.jwsKey : options.signingKey;
  let sentHeaders = headers;
  if (key !== null) {
    const signedBody = options.tamper ? JSON.stringify({ ...prepare, amount: { ...prepare.amount, amount: `${Number(ctx.amount) + 1}` } }) : body;
    sentHeaders = signRequest({ method: "POST", url, headers, body: signedBody, signingKeyPem: key });
  }
  const sent = await send(ctx, options.client ?? from.client, "POST", "/transfers", sentHeaders, body);
  return { prepare, fulfilment, sent, from, to };
}
async function sendFulfil(ctx, prepare, fulfilment) {
  const path = `/transfers/${prepare.transferId}`;
  const body = JSON.stringify(buildFulfil(fulfilment));
  const headers = fspiopHeaders({
    resource: "transfers",
    method: "PUT",
    source: prepare.payeeFsp,
    destination: prepare.payerFsp
  });
  const party = prepare.payeeFsp === ctx.payee.fspId ? ctx.payee : ctx.payer;
  const signed = signRequest({
    method: "PUT",
    url: joinUrl(ctx.hubUrl, path),
    headers,
    body,
    signingKeyPem: party.jwsKey
  });
  return send(ctx, party.client, "PUT", path, signed, body);
}
var forwardedPrepare = (to, transferId) => (c) => c.fspId === to && c.method === "POST" && c.path === "/transfers" && bodyField(c, "transferId") === transferId;
var errorCallback = (fspIds, transferId) => (c) => fspIds.includes(c.fspId) && c.method === "PUT" && c.path === `/transfers/${transferId}/error`;
var committedNotice = (payer, transferId) => (c) => c.fspId === payer && c.method === "PUT" && c.path === `/transfers/${transferId}` && bodyField(c, "transferState") === "COMMITTED";
function bodyField(callback, field) {
  return typeof callback.body === "object" && callback.body !== null ? callback.body[field] : void 0;
}
function callbackError(callback) {
  return parseFspiopError(callback.rawBody);
}
async function firstOf(receiver, matchers, timeoutMs) {
  const combined = (c) => matchers.some((m) => m(c));
  const callback = await receiver.waitFor(combined, timeoutMs);
  if (!callback) return void 0;
  return { index: matchers.findIndex((m) => m(callback)), callback };
}
var elapsed = (since) => `${Date.now() - since} ms`;
async function runBaseline(ctx) {
  const started = Date.now();
  const { prepare, fulfilment, sent } = await sendPrepare(ctx);
  if (!sent.response) {
    return {
      reachedHub: false,
      forwarded: false,
      committed: false,
      observed: `prepare: ${describeSent(sent)}`
    };
  }
  if (sent.response.status !== 202 && sent.response.status !== 200) {
    return {
      reachedHub: true,
      forwarded: false,
      committed: false,
      observed: `prepare: ${describeSent(sent)}`
    };
  }
  const arrival = await firstOf(
    ctx.receiver,
    [
      forwardedPrepare(ctx.payee.fspId, prepare.transferId),
      errorCallback([ctx.payer.fspId], prepare.transferId)
    ],
    ctx.timeouts.callbackMs
  );
  if (arrival?.index !== 0) {
    const why = arrival ? `the payer got an error callback (${describeError(callbackError(arrival.callback))})` : `nothing reached ${ctx.payee.fspId} within ${ctx.timeouts.callbackMs} ms`;
    return { reachedHub: true, forwarded: false, committed: false, observed: `prepare accepted, but ${why}` };
  }
  const fulfilSent = await sendFulfil(ctx, prepare, fulfilment);
  if (!fulfilSent.response || fulfilSent.response.status >= 300) {
    return {
      reachedHub: true,
      forwarded: true,
      committed: false,
      observed: `fulfil: ${describeSent(fulfilSent)}`
    };
  }
  const outcome = await firstOf(
    ctx.receiver,
    [
      committedNotice(ctx.payer.fspId, prepare.transferId),
      errorCallback([ctx.payer.fspId, ctx.payee.fspId], prepare.transferId)
    ],
    ctx.timeouts.callbackMs
  );
  if (outcome?.index !== 0) {
    const why = outcome ? `an error callback arrived (${describeError(callbackError(outcome.callback))})` : `${ctx.payer.fspId} was not told COMMITTED within ${ctx.timeouts.callbackMs} ms`;
    return { reachedHub: true, forwarded: true, committed: false, observed: `fulfil accepted, but ${why}` };
  }
  return {
    reachedHub: true,
    forwarded: true,
    committed: true,
    observed: `transfer ${prepare.transferId} committed in ${elapsed(started)}`
  };
}
async function observeRefusedPrepare(ctx, name, reason, sending) {
  const started = Date.now();
  const { prepare, sent, to, from } = await sending;
  const forwarded = forwardedPrepare(to.fspId, prepare.transferId);
  if (!sent.response) {
    return probeResult(name, reason.expected, "inconclusive", `the hub gave ${describeSent(sent)}`);
  }
  const status = sent.response.status;
  if (status >= 400) {
    const info2 = parseFspiopError(sent.response.body);
    const late = await ctx.receiver.waitFor(forwarded, ctx.timeouts.settleMs);
    if (late) {
      return probeResult(
        name,
        reason.expected,
        "accepted",
        `answered ${describeSent(sent)} but still forwarded the prepare to ${to.fspId}`
      );
    }
    const outcome2 = reason.matches(info2, status) ? "rejected" : "inconclusive";
    const note2 = outcome2 === "rejected" ? "" : ", which does not show the expected reason";
    return probeResult(name, reason.expected, outcome2, `refused at once: ${describeSent(sent)}${note2}`);
  }
  const arrival = await firstOf(
    ctx.receiver,
    [forwarded, errorCallback([from.fspId], prepare.transferId)],
    ctx.timeouts.callbackMs
  );
  if (!arrival) {
    return probeResult(
      name,
      reason.expected,
      "inconclusive",
      `answered HTTP ${status}, then neither forwarded the prepare nor sent an error within ${ctx.timeouts.callbackMs} ms`
    );
  }
  if (arrival.index === 0) {
    return probeResult(
      name,
      reason.expected,
      "accepted",
      `answered HTTP ${status} and forwarded the prepare to ${to.fspId} after ${elapsed(started)}`
    );
  }
  const info = callbackError(arrival.callback);
  const outcome = reason.matches(info, 400) ? "rejected" : "inconclusive";
  const note = outcome === "rejected" ? "" : ", which does not show the expected reason";
  return probeResult(
    name,
    reason.expected,
    outcome,
    `answered HTTP ${status}, then sent ${from.fspId} an error callback: ${describeError(info)}${note}`
  );
}
async function observeRefusedFulfil(ctx, name, reason, prepare, fulfilment, beforeFulfil) {
  const forwarded = await ctx.receiver.waitFor(
    forwardedPrepare(ctx.payee.fspId, prepare.transferId),
    ctx.timeouts.callbackMs
  );
  if (!forwarded) {
    const early = ctx.receiver.received().find((c) => errorCallback([ctx.payer.fspId], prepare.transferId)(c));
    const info2 = early ? callbackError(early) : void 0;
    if (early && reason.matches(info2, 400)) {
      return probeResult(
        name,
        reason.expected,
        "rejected",
        `the prepare was already refused: ${describeError(info2)}`
      );
    }
    return probeResult(
      name,
      reason.expected,
      "not-run",
      `the valid prepare was not forwarded to ${ctx.payee.fspId} within ${ctx.timeouts.callbackMs} ms${early ? ` (error callback: ${describeError(info2)})` : ""}`
    );
  }
  await beforeFulfil();
  const sent = await sendFulfil(ctx, prepare, fulfilment);
  const committed = committedNotice(ctx.payer.fspId, prepare.transferId);
  const errors = errorCallback([ctx.payer.fspId, ctx.payee.fspId], prepare.transferId);
  if (sent.response && sent.response.status >= 400) {
    const late2 = await ctx.receiver.waitFor(committed, ctx.timeouts.settleMs);
    if (late2) {
      return probeResult(
        name,
        reason.expected,
        "accepted",
        `answered ${describeSent(sent)} but told ${ctx.payer.fspId} COMMITTED`
      );
    }
    const info2 = parseFspiopError(sent.response.body);
    const outcome2 = reason.matches(info2, sent.response.status) ? "rejected" : "inconclusive";
    return probeResult(name, reason.expected, outcome2, `fulfilment refused at once: ${describeSent(sent)}`);
  }
  if (!sent.response) {
    return probeResult(name, reason.expected, "inconclusive", `the fulfilment got ${describeSent(sent)}`);
  }
  const arrival = await firstOf(ctx.receiver, [committed, errors], ctx.timeouts.callbackMs);
  if (!arrival) {
    return probeResult(
      name,
      reason.expected,
      "inconclusive",
      `fulfilment answered HTTP ${sent.response.status}, then no commit notice or error within ${ctx.timeouts.callbackMs} ms`
    );
  }
  if (arrival.index === 0) {
    return probeResult(
      name,
      reason.expected,
      "accepted",
      `the hub accepted the fulfilment and told ${ctx.payer.fspId} COMMITTED`
    );
  }
  const late = await ctx.receiver.waitFor(committed, ctx.timeouts.settleMs);
  if (late) {
    return probeResult(
      name,
      reason.expected,
      "accepted",
      `sent an error callback but then told ${ctx.payer.fspId} COMMITTED`
    );
  }
  const info = callbackError(arrival.callback);
  const outcome = reason.matches(info, 400) ? "rejected" : "inconclusive";
  return probeResult(
    name,
    reason.expected,
    outcome,
    `transfer aborted: error callback to ${arrival.callback.fspId}: ${describeError(info)}`
  );
}
var PROBE_RUNNERS = {
  "no-client-certificate": {
    needs: "reached",
    async run(ctx) {
      const expected = EXPECTED["no-client-certificate"];
      if (!ctx.noCert) {
        return probeResult(
          "no-client-certificate",
          expected,
          "not-run",
          `the hub URL ${ctx.hubUrl} is not https`
        );
      }
      const { sent, prepare } = await sendPrepare(ctx, { client: ctx.noCert });
      if (sent.error) {
        const failure = sent.error instanceof TransportError ? sent.error.failure : "other";
        if (failure === "refused") {
          return probeResult(
            "no-client-certificate",
            expected,
            "rejected",
            `TLS handshake refused (${sent.error.message})`
          );
        }
        return probeResult(
          "no-client-certificate",
          expected,
          "inconclusive",
          `connection failed otherwise (${sent.error.message})`
        );
      }
      const status = sent.response.status;
      if (status >= 400) {
        return probeResult(
          "no-client-certificate",
          expected,
          "inconclusive",
          `the handshake completed without a client certificate; the API then answered ${describeSent(sent)}`
        );
      }
      const forwarded = await ctx.receiver.waitFor(
        forwardedPrepare(ctx.payee.fspId, prepare.transferId),
        ctx.timeouts.settleMs
      );
      return probeResult(
        "no-client-certificate",
        expected,
        "accepted",
        `the handshake completed without a client certificate and the API answered HTTP ${status}${forwarded ? `; the prepare was forwarded to ${ctx.payee.fspId}` : ""}`
      );
    }
  },
  "certificate-source-mismatch": {
    needs: "committed",
    async run(ctx) {
      if (!ctx.noCert) {
        return probeResult(
          "certificate-source-mismatch",
          REASONS.sourceMismatch.expected,
          "not-run",
          `the hub URL ${ctx.hubUrl} is not https, so no client certificate identifies the sender`
        );
      }
      return observeRefusedPrepare(
        ctx,
        "certificate-source-mismatch",
        REASONS.sourceMismatch,
        sendPrepare(ctx, { client: ctx.payer.client, from: ctx.payee, to: ctx.payer })
      );
    }
  },
  "unsigned-request": {
    needs: "forwarded",
    run: (ctx) => observeRefusedPrepare(
      ctx,
      "unsigned-request",
      REASONS.unsigned,
      sendPrepare(ctx, { signingKey: null })
    )
  },
  "tampered-body": {
    needs: "forwarded",
    run: (ctx) => observeRefusedPrepare(ctx, "tampered-body", REASONS.badSignature, sendPrepare(ctx, { tamper: true }))
  },
  "foreign-signature": {
    needs: "forwarded",
    run: (ctx) => observeRefusedPrepare(
      ctx,
      "foreign-signature",
      REASONS.badSignature,
      sendPrepare(ctx, { signingKey: ctx.foreign.jwsPrivateKeyPem })
    )
  },
  "expired-at-prepare": {
    needs: "forwarded",
    run: (ctx) => observeRefusedPrepare(
      ctx,
      "expired-at-prepare",
      REASONS.expiredAtPrepare,
      sendPrepare(ctx, { expiration: new Date(Date.now() - 1e4) })
    )
  },
  "wrong-fulfilment": {
    needs: "committed",
    async run(ctx) {
      const { prepare, sent } = await sendPrepare(ctx);
      if (!sent.response || sent.response.status >= 300) {
        return probeResult(
          "wrong-fulfilment",
          REASONS.wrongFulfilment.expected,
          "not-run",
          `the valid prepare got ${describeSent(sent)}`
        );
      }
      return observeRefusedFulfil(
        ctx,
        "wrong-fulfilment",
        REASONS.wrongFulfilment,
        prepare,
        wrongFulfilment(prepare.condition),
        async () => void 0
      );
    }
  },
  "late-fulfilment": {
    needs: "committed",
    async run(ctx) {
      const expiration = new Date(Date.now() + ctx.timeouts.nearExpiryMs);
      const { prepare, fulfilment, sent } = await sendPrepare(ctx, { expiration });
      if (!sent.response) {
        return probeResult(
          "late-fulfilment",
          REASONS.lateFulfilment.expected,
          "inconclusive",
          `the prepare got ${describeSent(sent)}`
        );
      }
      if (sent.response.status >= 300) {
        const info = parseFspiopError(sent.response.body);
        const outcome = REASONS.lateFulfilment.matches(info, sent.response.status) ? "rejected" : "not-run";
        return probeResult(
          "late-fulfilment",
          REASONS.lateFulfilment.expected,
          outcome,
          `the prepare got ${describeSent(sent)}`
        );
      }
      return observeRefusedFulfil(
        ctx,
        "late-fulfilment",
        REASONS.lateFulfilment,
        prepare,
        fulfilment,
        async () => {
          const wait = expiration.getTime() + ctx.timeouts.lateGraceMs - Date.now();
          if (wait > 0) await ctx.sleep(Math.min(wait, ctx.timeouts.nearExpiryMs + ctx.timeouts.lateGraceMs));
        }
      );
    }
  }
};
function gateReason(needs, baseline) {
  const ok = needs === "reached" ? baseline.reachedHub : needs === "forwarded" ? baseline.forwarded : baseline.committed;
  if (ok) return void 0;
  const what = needs === "reached" ? "did not reach the hub" : needs === "forwarded" ? "was not forwarded to the payee" : "did not complete";
  return `the valid baseline transfer ${what} (${baseline.observed}), so a refusal could not be attributed to this control`;
}
var EXPECTED = {
  "no-client-certificate": "the TLS handshake is refused",
  "certificate-source-mismatch": REASONS.sourceMismatch.expected,
  "unsigned-request": REASONS.unsigned.expected,
  "tampered-body": REASONS.badSignature.expected,
  "foreign-signature": REASONS.badSignature.expected,
  "wrong-fulfilment": REASONS.wrongFulfilment.expected,
  "expired-at-prepare": REASONS.expiredAtPrepare.expected,
  "late-fulfilment": REASONS.lateFulfilment.expected
};
async function verifySecurity(target, probes = PROBES, deps = {}) {
  const https3 = target.hubUrl.startsWith("https:");
  if (!https3 && !target.hubUrl.startsWith("http:"))
    throw new RangeError(`hubUrl must be an http(s) URL, got ${target.hubUrl}`);
  for (const party2 of [target.payer, target.payee]) {
    if (https3 && (!party2.clientCertPem || !party2.clientKeyPem)) {
      throw new RangeError(`${party2.fspId}: a client certificate and key are needed for an https hub`);
    }
  }
  if (target.payer.fspId === target.payee.fspId)
    throw new RangeError("payer and payee probe DFSPs must differ");
  const timeouts = { ...DEFAULT_PROBE_TIMEOUTS, ...target.timeouts };
  const makeClient = deps.httpClient ?? ((credentials) => createTlsHttpClient({
    ...target.caPem ? { caPem: target.caPem } : {},
    ...credentials?.certPem ? { certPem: credentials.certPem } : {},
    ...credentials?.keyPem ? { keyPem: credentials.keyPem } : {},
    timeoutMs: timeouts.requestMs
  }));
  const party = (p) => ({
    fspId: p.fspId,
    jwsKey: p.jwsPrivateKeyPem,
    client: makeClient({
      ...p.clientCertPem ? { certPem: p.clientCertPem } : {},
      ...p.clientKeyPem ? { keyPem: p.clientKeyPem } : {}
    })
  });
  const ownsReceiver = !(target.receiver instanceof ProbeReceiver);
  const receiver = target.receiver instanceof ProbeReceiver ? target.receiver : await ProbeReceiver.start(target.receiver);
  try {
    const ctx = {
      hubUrl: target.hubUrl,
      currency: target.currency,
      amount: target.amount ?? "1",
      payer: party(target.payer),
      payee: party(target.payee),
      noCert: https3 ? makeClient(null) : void 0,
      foreign: target.foreignSigner,
      receiver,
      timeouts,
      ilpSecret: randomBytes2(16).toString("hex"),
      sleep: deps.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms)))
    };
    const baseline = await runBaseline(ctx);
    const results = [];
    for (const name of PROBES.filter((p) => probes.includes(p))) {
      const runner = PROBE_RUNNERS[name];
      const blocked = gateReason(runner.needs, baseline);
      if (blocked) {
        results.push(probeResult(name, EXPECTED[name], "not-run", blocked));
        continue;
      }
      try {
        results.push(await runner.run(ctx));
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        results.push(probeResult(name, EXPECTED[name], "not-run", `the probe itself failed: ${message}`));
      }
    }
    return buildPosture(target.hubUrl, baseline, results);
  } finally {
    if (ownsReceiver) await receiver.close();
  }
}

// actions/deploy-mojaloop/src/jobs/verify-security.ts
async function readText(file) {
  try {
    return await readFile(file, "utf8");
  } catch (error) {
    if (error.code === "ENOENT") return null;
    throw error;
  }
}
var finished = false;
function finish(line, code) {
  if (finished) return;
  finished = true;
  process.stdout.write(`${line}
`, () => process.exit(code));
}
var fail = (error) => finish(formatSecurityJobError(error instanceof Error ? error.message : String(error)), 1);
process.on("uncaughtException", fail);
process.on("unhandledRejection", fail);
try {
  const target = await securityTargetFromMounts(process.env, readText);
  finish(formatSecurityJobLine(await verifySecurity(target)), 0);
} catch (error) {
  fail(error);
}
/*! Bundled license information:

bignumber.js/bignumber.js:
  (*! bignumber.js v5.0.0 https://github.com/MikeMcl/bignumber.js/LICENCE *)

long/dist/long.js:
  (**
   * @license long.js (c) 2013 Daniel Wirtz <dcode@dcode.io>
   * Released under the Apache License, Version 2.0
   * see: https://github.com/dcodeIO/long.js for details
   *)

safe-buffer/index.js:
  (*! safe-buffer. MIT License. Feross Aboukhadijeh <https://feross.org/opensource> *)
*/
