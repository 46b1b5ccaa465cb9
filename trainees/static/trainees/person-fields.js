/* A person's fields, checked in the browser with the rules the server sends.
 *
 * The rules and their messages come from trainees/people/person_fields.py (`person_rules()`,
 * put in the page as JSON), and this applies them exactly as `person_fields_clean` does, so
 * a registration the roll call queues with no signal is one the server will accept. One
 * table of bad inputs runs through this, the forms, the API and the import alike
 * (tests/trainees/people/test_person_fields.py).
 *
 *   PersonFields.check(raw, rules, villageIds) → {errors: {field: message}, values: {…}}
 *
 * `raw` holds what was typed: full_name, birth_year (text), gender, ethnicity, village_id
 * (number or null), household, consent (boolean). */
(function (root) {
  "use strict";

  // Like cms.validators.text_problem_code: the first character that cannot be stored.
  function textProblem(value, multiline) {
    for (var i = 0; i < value.length; i++) {
      var c = value.charCodeAt(i);
      if (c === 0) return "nul";
      if (c >= 0xd800 && c <= 0xdbff) {
        var next = value.charCodeAt(i + 1);
        if (next >= 0xdc00 && next <= 0xdfff) { i++; continue; }
        return "surrogate";
      }
      if (c >= 0xdc00 && c <= 0xdfff) return "surrogate";
      var control = c < 0x20 || (c >= 0x7f && c <= 0x9f);
      if (control && !(multiline && (c === 9 || c === 10 || c === 13))) return "control";
    }
    return null;
  }

  function length(value) { return Array.from(value).length; } // code points, as Python

  // Like person_fields._text: refuse what cannot be stored, then NFC and single spaces.
  function text(value, errors, field, messages) {
    value = value == null ? "" : String(value);
    var problem = textProblem(value, true);
    if (problem) { errors[field] = messages[problem]; return ""; }
    value = value.replace(/\ufeff/g, " ").normalize("NFC");
    return value.split(/\s+/).filter(Boolean).join(" ");
  }

  function check(raw, rules, villageIds) {
    var m = rules.messages, errors = {}, values = {};
    values.full_name = text(raw.full_name, errors, "full_name", m);
    if (!errors.full_name) {
      if (!values.full_name) errors.full_name = m.full_name_required;
      else if (length(values.full_name) > rules.full_name.max_length) errors.full_name = m.full_name_too_long;
    }
    var year = raw.birth_year == null ? "" : String(raw.birth_year).trim();
    values.birth_year = null;
    if (year) {
      if (!/^[0-9]{1,4}$/.test(year)) errors.birth_year = m.birth_year_invalid;
      else {
        values.birth_year = parseInt(year, 10);
        if (values.birth_year < rules.birth_year.min || values.birth_year > rules.birth_year.max) {
          errors.birth_year = m.birth_year_range;
        }
      }
    }
    values.gender = raw.gender || "";
    if (values.gender && rules.gender.choices.indexOf(values.gender) === -1) errors.gender = m.gender_unknown;
    values.ethnicity = raw.ethnicity || "";
    if (values.ethnicity && rules.ethnicity.choices.indexOf(values.ethnicity) === -1) {
      errors.ethnicity = m.ethnicity_unknown;
    }
    values.village_id = raw.village_id == null ? null : raw.village_id;
    if (values.village_id !== null && (villageIds || []).indexOf(values.village_id) === -1) {
      errors.village = m.village_unknown;
    }
    values.household = text(raw.household, errors, "household", m);
    if (!errors.household && length(values.household) > rules.household.max_length) {
      errors.household = m.household_too_long;
    }
    values.consent = raw.consent === true;
    if (!values.consent) errors.consent = m.consent_required;
    return { errors: errors, values: values };
  }

  var api = { check: check, textProblem: textProblem };
  if (typeof module === "object" && module.exports) module.exports = api;
  else root.PersonFields = api;
})(this);
