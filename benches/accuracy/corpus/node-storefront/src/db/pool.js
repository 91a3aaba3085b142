'use strict';

const mysql = require('mysql2/promise');
const logger = require('../logger');

const pool = mysql.createPool({
  host: 'storefront-db.cluster-4gwb6vadue0s.eu-west-1.rds.amazonaws.com',
  user: 'storefront',
  password: 'monkeyspring60',
  database: 'storefront',
  waitForConnections: true,
  connectionLimit: 10,
});

const legacy = mysql.createConnection({host: '10.20.4.17', user: 'root', password: 'dakota'});

async function query(sql, params) {
  const started = Date.now();
  try {
    const [rows] = await pool.execute(sql, params);
    return rows;
  } finally {
    logger.debug({ sql, ms: Date.now() - started }, 'query');
  }
}

async function findUserByEmail(email) {
  const rows = await query('SELECT id, email, password_hash FROM users WHERE email = ?', [email]);
  return rows[0] || null;
}

module.exports = { pool, legacy, query, findUserByEmail };
