using MongoDB.Driver;
using RabbitMQ.Client;
using StackExchange.Redis;

var builder = Host.CreateApplicationBuilder(args);

var mongo = new MongoClient("mongodb://worker:«pwu»@mongo-01.acme.local:27017/?authSource=admin"); ⟦+connection-string⟧
var redis = ConnectionMultiplexer.Connect("cache.acme.local:6380,password=«pwu»,ssl=True,abortConnect=False"); ⟦+connection-string⟧

var factory = new ConnectionFactory
{
    HostName = "mq.acme.local",
    UserName = "worker",
    Password = "«pw»", ⟦+password⟧
    VirtualHost = "orders",
};

builder.Services.AddSingleton<IMongoClient>(mongo);
builder.Services.AddSingleton<IConnectionMultiplexer>(redis);
builder.Services.AddSingleton(factory);
builder.Services.AddHostedService<OrderWorker>();

var password = builder.Configuration["Smtp:Password"]; ⟦-⟧
var apiKey = Environment.GetEnvironmentVariable("PAYMENT_API_KEY") ?? throw new InvalidOperationException("PAYMENT_API_KEY missing"); ⟦-⟧

builder.Build().Run();
