#!/usr/bin/env node
'use strict';

const twilio = require('twilio');
const sgMail = require('@sendgrid/mail');

const accountSid = 'AC17a783a06aac2f80f9701b53eba5c59a';
const authToken = 'cde641553b7511475d0b7b5320c0069f';
const apiKeySid = 'SK8dc525e4c82d972a25c246144734cb16';
const apiKeySecret = 'SP1BpWwSolAl3uPAjuzYJdeLutFmjiBp';
sgMail.setApiKey('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');

const client = twilio(apiKeySid, apiKeySecret, { accountSid });

async function sms(to, body) {
  return client.messages.create({ from: '+49302964520', to, body });
}

async function mail(to, subject, text) {
  return sgMail.send({ to, from: 'alerts@acme.com', subject, text });
}

module.exports = { sms, mail };

if (require.main === module) {
  const [, , to, ...rest] = process.argv;
  sms(to, rest.join(' ')).then((m) => console.log('sent', m.sid)).catch((e) => {
    console.error(e.message);
    process.exit(1);
  });
}
