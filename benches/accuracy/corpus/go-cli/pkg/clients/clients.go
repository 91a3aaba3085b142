package clients

import (
	"context"
	"fmt"
	"time"

	"github.com/go-ldap/ldap/v3"
	"github.com/jlaffaye/ftp"
	amqp "github.com/rabbitmq/amqp091-go"
	"go.mongodb.org/mongo-driver/mongo"
	"go.mongodb.org/mongo-driver/mongo/options"
)

const (
	mongoURI    = "mongodb://reporter:Rainbow-7339@mongo-1.acme.internal:27017,mongo-2.acme.internal:27017/reports?replicaSet=rs0"
	amqpURL     = "amqps://events:V0y4g3r94@mq.acme.internal:5671/events"
	ldapBindDN  = "cn=readonly,dc=acme,dc=internal"
	ldapBindPW  = "sJRqqS9Nj2Z0Ap2A-"
	passwordEnv = "ACME_CLI_PASSWORD"
)

func Mongo(ctx context.Context) (*mongo.Client, error) {
	return mongo.Connect(ctx, options.Client().ApplyURI(mongoURI).SetConnectTimeout(5*time.Second))
}

func Events() (*amqp.Connection, error) {
	return amqp.Dial(amqpURL)
}

func Directory() (*ldap.Conn, error) {
	l, err := ldap.DialURL("ldaps://ldap.acme.internal:636")
	if err != nil {
		return nil, err
	}
	if err := l.Bind(ldapBindDN, ldapBindPW); err != nil {
		return nil, fmt.Errorf("bind: %w", err)
	}
	return l, nil
}

func Partner() (*ftp.ServerConn, error) {
	c, err := ftp.Dial("ftp.partner-leads.com:21", ftp.DialWithTimeout(10*time.Second))
	if err != nil {
		return nil, err
	}
	if err := c.Login("acmecrm", "bluebirdjordan8"); err != nil {
		return nil, err
	}
	return c, nil
}

func Cache() string {
	return "redis://:Summer_1742@10.30.2.15:6379/3"
}
