#!/usr/bin/env node
'use strict';

const twilio = require('twilio');
const sgMail = require('@sendgrid/mail');

const accountSid = '«twilioac»';
const authToken = '«hex:32»'; ⟦+token⟧
const apiKeySid = '«twiliosk»'; ⟦+provider⟧
const apiKeySecret = '«alnum:32»'; ⟦+token⟧
sgMail.setApiKey('«sendgrid»'); ⟦+provider⟧

const client = twilio(apiKeySid, apiKeySecret, { accountSid });

async function sms(to, body) {
  return client.messages.create({ from: '+4930«digits:7»', to, body });
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
