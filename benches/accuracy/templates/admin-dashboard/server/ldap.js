'use strict';

const passport = require('passport');
const LdapStrategy = require('passport-ldapauth');
const { Sequelize } = require('sequelize');

passport.use(new LdapStrategy({
  server: {
    url: 'ldaps://ad.acme.local:636',
    bindDN: 'CN=svc-admin,OU=Service Accounts,DC=acme,DC=local',
    bindCredentials: '«pw»', ⟦+password⟧
    searchBase: 'OU=Staff,DC=acme,DC=local',
    searchFilter: '(sAMAccountName={{username}})', ⟦-⟧
  },
  usernameField: 'username',
  passwordField: 'password', ⟦-⟧
}));

const audit = new Sequelize('audit', 'audit_writer', '«pw»', { ⟦+password⟧
  host: 'audit-db.acme.internal',
  dialect: 'mysql',
  logging: false,
});

const reports = new Sequelize('mssql://reports:«pwu»@sql-rpt01.acme.local:1433/Reports'); ⟦+connection-string⟧

function requireAdmin(req, res, next) {
  if (req.user && req.user.memberOf && req.user.memberOf.includes('CN=Admins')) return next();
  return res.status(403).json({ error: 'forbidden' });
}

module.exports = { passport, audit, reports, requireAdmin };
