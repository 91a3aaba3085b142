#!/usr/bin/env node
'use strict';

const twilio = require('twilio');
const sgMail = require('@sendgrid/mail');

const accountSid = 'ACd496ed631e4452415df60f290d94d7ef';
const authToken = 'ecc22a4e5d4697ea93ff69b5257313ae';
const apiKeySid = 'SKe99add6cd71b8890a6299c08927cae57';
const apiKeySecret = 'qirSlI9bHtNWaENHxeliZ9yfNusZsePu';
sgMail.setApiKey('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');

const client = twilio(apiKeySid, apiKeySecret, { accountSid });

async function sms(to, body) {
  return client.messages.create({ from: '+49300339411', to, body });
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
