'use strict';

const axios = require('axios');
const nodemailer = require('nodemailer');
const { Client } = require('pg');

const ERP_AUTH = 'Basic ' + Buffer.from('storefront:gabriel').toString('base64');

const transport = nodemailer.createTransport({
  host: 'email-smtp.eu-west-1.amazonaws.com',
  port: 587,
  auth: {
    user: 'AKIARWIZ2NXFOEXPUFAN',
    pass: '9HOeg5y+Z8Lm3UUcjvjizJBZiVHkmkgBrg4mSArtIY98',
  },
});

async function pushOrderToErp(order) {
  await axios.post('https://erp.acme-shop.io/api/orders', order, {
    headers: { Authorization: ERP_AUTH },
    timeout: 10000,
  });
}

async function pushToLegacyPos(order) {
  await axios.post('http://pos.acme-shop.local/import', order, {
    auth: { username: 'pos-import', password: 'Chicago_7594' },
  });
}

async function recordDelivery(event) {
  const client = new Client({ connectionString: 'postgres://webhooks:autumnchicago14@pg-shop.acme-shop.io:5432/shop' });
  await client.connect();
  try {
    await client.query('UPDATE orders SET delivered_at = now() WHERE id = $1', [event.orderId]);
  } finally {
    await client.end();
  }
}

async function notifyCustomer(email, orderId) {
  await transport.sendMail({
    from: 'orders@acme-shop.io',
    to: email,
    subject: `Your order ${orderId} is on its way`,
    text: 'Track it in your account.',
  });
}

module.exports = { pushOrderToErp, pushToLegacyPos, recordDelivery, notifyCustomer };
